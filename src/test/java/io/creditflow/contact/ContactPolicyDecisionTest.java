package io.creditflow.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.DecisionTableUnderTest;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DMN tables of {@code processes/contact/}: profiles, channels, purposes; every rule matched by a test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContactPolicyDecisionTest {

  private static final DecisionTableUnderTest PROFILE = new DecisionTableUnderTest(ContactRules.PROFILE_DECISION,
      Path.of("processes/contact/contact-policy.dmn"));
  private static final DecisionTableUnderTest CHANNEL = new DecisionTableUnderTest(ContactRules.CHANNEL_DECISION,
      Path.of("processes/contact/contact-channels.dmn"));
  private static final DecisionTableUnderTest PURPOSE = new DecisionTableUnderTest(ContactRules.PURPOSE_DECISION,
      Path.of("processes/contact/contact-purposes.dmn"));

  @ParameterizedTest(name = "{0}: quiet {1}-{2}")
  @CsvSource({"DEFAULT, 21:00, 08:00", "CN, 22:00, 08:00"})
  void jurisdictionProfiles(String jurisdiction, String quietStart, String quietEnd) {
    DmnDecisionResultEntries row = PROFILE.evaluate(Variables.createVariables().putValue("jurisdiction",
        jurisdiction)).getSingleResult();

    assertThat(row.<String>getEntry("quietHoursStart")).isEqualTo(quietStart);
    assertThat(row.<String>getEntry("quietHoursEnd")).isEqualTo(quietEnd);
    assertThat(row.getEntryMap()).containsAllEntriesOf(Map.of("callAttemptsPerWindow", 7, "callWindowDays", 7,
        "conversationPauseDays", 7, "unansweredDialsPerNumberPerDay", 6, "smsPerDay", 1, "emailPerDay", 1));
  }

  @Test
  void anUnknownJurisdictionHasNoProfile() {
    assertThat(PROFILE.evaluate(Variables.createVariables().putValue("jurisdiction", "XX")).getResultList())
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} interrupts: {1}")
  @CsvSource({"SMS, true", "APP_PUSH, true", "CALL, true", "FIELD_VISIT, true", "EMAIL, false", "LETTER, false"})
  void channelsThatInterruptObeyQuietHours(ContactChannel channel, boolean interrupts) {
    DmnDecisionResultEntries row = CHANNEL.evaluate(Variables.createVariables().putValue("channel", channel.name()))
        .getSingleResult();

    assertThat(row.<Boolean>getEntry("interrupts")).isEqualTo(interrupts);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "servicing.loan-settled,            REGULATORY, false",
      "servicing.loan-recalled,           REGULATORY, false",
      "servicing.fund-usage-line-frozen,  REGULATORY, false",
      "servicing.credit-limit-reviewed,   REGULATORY, false",
      "regulatory.annual-statement,       REGULATORY, false",
      "collection.call,                   COLLECTION, true",
      "collection.dpd1-sms,               COLLECTION, true",
      "servicing.payment-reminder,        SERVICING,  true",
      "hardship.approved,                 SERVICING,  true",
      "collectionx.other,                 SERVICING,  true"})
  void purposes(String purpose, PurposeCategory category, boolean everyRule) {
    DmnDecisionResultEntries row = PURPOSE.evaluate(Variables.createVariables().putValue("purpose", purpose))
        .getFirstResult();

    assertThat(row.<String>getEntry("category")).isEqualTo(category.name());
    assertThat(row.<Boolean>getEntry("holdApplies")).isEqualTo(everyRule);
    assertThat(row.<Boolean>getEntry("ceaseApplies")).isEqualTo(everyRule);
    assertThat(row.<Boolean>getEntry("capsApply")).isEqualTo(everyRule);
  }

  @Test
  void hitPolicies() {
    assertThat(PROFILE.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    assertThat(CHANNEL.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    // first match wins: the regulatory rows must stay above the catch-all rows
    assertThat(PURPOSE.hitPolicy()).isEqualTo(HitPolicy.FIRST);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyRuleIsMatchedByATest() {
    PROFILE.assertEveryRuleMatched();
    CHANNEL.assertEveryRuleMatched();
    PURPOSE.assertEveryRuleMatched();
  }
}
