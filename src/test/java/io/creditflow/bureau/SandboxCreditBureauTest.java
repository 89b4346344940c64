package io.creditflow.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** Every sandbox persona's key facts, as testers and the README rely on them. */
class SandboxCreditBureauTest {

  private static final Instant NOW = Instant.parse("2027-03-01T10:15:30.750Z");

  private final SandboxCreditBureau bureau =
      new SandboxCreditBureau(Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));

  @Test
  void theFileHoldsExactlyTheDocumentedPersonas() {
    assertThat(bureau.personaDescriptions().keySet()).containsExactlyInAnyOrder(
        "SANDBOX-PRIME-0001", "SANDBOX-PRIME-0002", "SANDBOX-PRIME-0003", "SANDBOX-PRIME-0004", "SANDBOX-PRIME-0005",
        "SANDBOX-NEAR-PRIME-0001", "SANDBOX-NEAR-PRIME-0002", "SANDBOX-SUBPRIME-0001", "SANDBOX-BANKRUPT-0001",
        "SANDBOX-FRAUD-0001", "SANDBOX-UNAVAILABLE-0001");
    assertThat(bureau.personaDescriptions().values()).allSatisfy(description -> assertThat(description).isNotBlank());
  }

  @Test
  void primeHasALongCleanHistoryAndLittleDebt() {
    BureauReport report = bureau.fetch("SANDBOX-PRIME-0001");

    assertThat(report.bureauReference()).isEqualTo("SBX-PRIME-0001");
    assertThat(report.bureauScore()).isEqualTo(820);
    assertThat(report.thinFile()).isFalse();
    assertThat(report.monthsOnFile()).isGreaterThanOrEqualTo(120);
    assertThat(report.openAccounts()).isPositive();
    assertThat(report.delinquencies12m()).isZero();
    assertThat(report.maxDaysPastDue24m()).isZero();
    assertThat(report.bankruptcy()).isFalse();
    assertThat(report.fraudAlert()).isFalse();
    assertThat(report.reportedMonthlyDebt()).isEqualByComparingTo("1200.00");
    assertThat(report.retrievedAt()).isEqualTo(Instant.parse("2027-03-01T10:15:30Z"));
  }

  @Test
  void fourMorePrimeCustomersAreDistinctAndClean() {
    for (String id : new String[] {"SANDBOX-PRIME-0002", "SANDBOX-PRIME-0003", "SANDBOX-PRIME-0004",
        "SANDBOX-PRIME-0005"}) {
      BureauReport report = bureau.fetch(id);
      assertThat(report.bureauReference()).isEqualTo("SBX-" + id.substring("SANDBOX-".length()));
      assertThat(report.bureauScore()).as(id).isBetween(780, 850);
      assertThat(report.monthsOnFile()).as(id).isGreaterThanOrEqualTo(120);
      assertThat(report.delinquencies12m()).as(id).isZero();
      assertThat(report.maxDaysPastDue24m()).as(id).isZero();
      assertThat(report.bankruptcy() || report.fraudAlert() || report.thinFile()).as(id).isFalse();
    }
  }

  @Test
  void nearPrimeHasOneRecentDelinquency() {
    BureauReport first = bureau.fetch("SANDBOX-NEAR-PRIME-0001");
    assertThat(first.bureauReference()).isEqualTo("SBX-NEAR-PRIME-0001");
    assertThat(first.bureauScore()).isEqualTo(660);
    assertThat(first.delinquencies12m()).isEqualTo(1);
    assertThat(first.bankruptcy() || first.fraudAlert()).isFalse();

    BureauReport second = bureau.fetch("SANDBOX-NEAR-PRIME-0002");
    assertThat(second.bureauReference()).isEqualTo("SBX-NEAR-PRIME-0002");
    assertThat(second.bureauScore()).isBetween(640, 700);
    assertThat(second.delinquencies12m()).isEqualTo(1);
  }

  @Test
  void subprimeHasThreeRecentDelinquenciesUpTo60DaysPastDue() {
    BureauReport report = bureau.fetch("SANDBOX-SUBPRIME-0001");

    assertThat(report.bureauReference()).isEqualTo("SBX-SUBPRIME-0001");
    assertThat(report.bureauScore()).isEqualTo(560);
    assertThat(report.delinquencies12m()).isEqualTo(3);
    assertThat(report.maxDaysPastDue24m()).isEqualTo(60);
    assertThat(report.bankruptcy() || report.fraudAlert()).isFalse();
  }

  @Test
  void bankruptHasAPublicRecordAndALowScore() {
    BureauReport report = bureau.fetch("SANDBOX-BANKRUPT-0001");

    assertThat(report.bureauReference()).isEqualTo("SBX-BANKRUPT-0001");
    assertThat(report.bankruptcy()).isTrue();
    assertThat(report.bureauScore()).isEqualTo(420);
    assertThat(report.fraudAlert()).isFalse();
  }

  @Test
  void fraudHasAnAlertOnAnOtherwiseDecentFile() {
    BureauReport report = bureau.fetch("SANDBOX-FRAUD-0001");

    assertThat(report.bureauReference()).isEqualTo("SBX-FRAUD-0001");
    assertThat(report.fraudAlert()).isTrue();
    assertThat(report.bureauScore()).isGreaterThanOrEqualTo(700);
    assertThat(report.delinquencies12m()).isZero();
    assertThat(report.bankruptcy() || report.thinFile()).isFalse();
  }

  @Test
  void unavailableAlwaysThrowsWithoutTheNationalId() {
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> bureau.fetch("SANDBOX-UNAVAILABLE-0001"))
          .isInstanceOf(BureauUnavailableException.class)
          .hasMessageContaining("SBX-UNAVAILABLE-0001")
          .message().doesNotContain("SANDBOX-UNAVAILABLE-0001");
    }
  }

  @Test
  void anyOtherIdIsAThinFileWhoseReferenceDoesNotRevealTheId() {
    BureauReport report = bureau.fetch("110101199003077777");

    assertThat(report.thinFile()).isTrue();
    assertThat(report.bureauScore()).isZero();
    assertThat(report.monthsOnFile()).isZero();
    assertThat(report.openAccounts()).isZero();
    assertThat(report.delinquencies12m()).isZero();
    assertThat(report.bankruptcy() || report.fraudAlert()).isFalse();
    assertThat(report.reportedMonthlyDebt()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(report.bureauReference()).startsWith("SBX-THIN-").doesNotContain("110101199003077777");
    assertThat(report.retrievedAt()).isEqualTo(Instant.parse("2027-03-01T10:15:30Z"));
    for (String notAKind : new String[] {"SANDBOX-THIN-7F3A", "SANDBOX-PRIME", "SANDBOX-PRIME-", "SANDBOX-GOLD-0001",
        "SANDBOX-PRIME-0001-X", "XSANDBOX-PRIME-0001"}) {
      assertThat(bureau.fetch(notAKind).thinFile()).as(notAKind).isTrue();
    }
  }

  @Test
  void anyIdOfAKindBehavesLikeItsFirstPersona() {
    BureauReport prime = bureau.fetch("SANDBOX-PRIME-7F3A9C01");
    assertThat(prime).isEqualTo(new BureauReport("SBX-PRIME-7F3A9C01", 820, false, 148, 5, 0, 0, false, false,
        new BigDecimal("1200.00"), Instant.parse("2027-03-01T10:15:30Z")));

    BureauReport nearPrime = bureau.fetch("sandbox-near-prime-ab12");
    assertThat(nearPrime.bureauReference()).isEqualTo("SBX-NEAR-PRIME-AB12");
    assertThat(nearPrime.bureauScore()).isEqualTo(660);
    assertThat(nearPrime.delinquencies12m()).isEqualTo(1);

    assertThat(bureau.fetch("SANDBOX-SUBPRIME-X1").maxDaysPastDue24m()).isEqualTo(60);
    assertThat(bureau.fetch("SANDBOX-BANKRUPT-X1").bankruptcy()).isTrue();
    assertThat(bureau.fetch("SANDBOX-FRAUD-X1").fraudAlert()).isTrue();
    assertThatThrownBy(() -> bureau.fetch("SANDBOX-UNAVAILABLE-X1"))
        .isInstanceOf(BureauUnavailableException.class).hasMessageContaining("SBX-UNAVAILABLE-X1");
    // an exact persona keeps its own facts
    assertThat(bureau.fetch("SANDBOX-PRIME-0003").bureauScore()).isEqualTo(835);
  }

  @Test
  void personaIdsIgnoreCaseAndSurroundingBlanks() {
    assertThat(bureau.fetch("  sandbox-prime-0001 ").bureauReference()).isEqualTo("SBX-PRIME-0001");
  }

  @Test
  void aBlankIdIsAProgrammingError() {
    assertThatThrownBy(() -> bureau.fetch(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bureau.fetch(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBrokenPersonaFileStopsStartUp() {
    String outOfRange = """
        {"personas": [{"nationalId": "SANDBOX-X-0001", "description": "x", "bureauScore": 950, "monthsOnFile": 1,
          "openAccounts": 1, "delinquencies12m": 0, "maxDaysPastDue24m": 0, "bankruptcy": false,
          "fraudAlert": false, "reportedMonthlyDebt": 1}]}""";
    assertThatThrownBy(() -> load(outOfRange)).hasMessageContaining("bureauScore");

    String duplicate = """
        {"personas": [{"nationalId": "SANDBOX-DOWN-0001", "unavailable": true},
                      {"nationalId": "SANDBOX-DOWN-0001", "unavailable": true}]}""";
    assertThatThrownBy(() -> load(duplicate)).hasMessageContaining("Duplicate");

    String typo = """
        {"personas": [{"nationalId": "SANDBOX-DOWN-0001", "unavailabel": true}]}""";
    assertThatThrownBy(() -> load(typo)).hasMessageContaining("personas");
  }

  private static SandboxCreditBureau load(String json) {
    return new SandboxCreditBureau(new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
  }
}
