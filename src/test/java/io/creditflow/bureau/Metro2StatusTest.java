package io.creditflow.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.servicing.LoanStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Metro 2-like account status and payment rating of every kind, and the days-past-due bands of a correction. */
class Metro2StatusTest {

  @ParameterizedTest(name = "{0} -> {1}/{2}")
  @CsvSource({
      "DPD_30, 71, 1",
      "DPD_60, 78, 2",
      "DPD_90, 80, 3",
      "CURED, 11, 0",
      "SETTLED, 13, 0",
      "CHARGED_OFF, 97, L"})
  void eachKindReportsItsOwnCodeWhateverTheLedgerSays(BureauReportKind kind, String status, String rating) {
    for (LoanStatus loanStatus : LoanStatus.values()) {
      for (int dpd : new int[] {0, 45, 200}) {
        assertThat(Metro2Status.of(kind, loanStatus, dpd)).as(kind + " " + loanStatus + " " + dpd)
            .isEqualTo(new Metro2Status(status, rating));
      }
    }
  }

  @ParameterizedTest(name = "{0} days -> {1}/{2}")
  @CsvSource({
      "0, 11, 0", "29, 11, 0",
      "30, 71, 1", "59, 71, 1",
      "60, 78, 2", "89, 78, 2",
      "90, 80, 3", "119, 80, 3",
      "120, 82, 4", "149, 82, 4",
      "150, 83, 5", "179, 83, 5",
      "180, 84, 6", "720, 84, 6"})
  void aCorrectionRestatesTheDaysPastDueBand(int dpd, String status, String rating) {
    for (LoanStatus open : new LoanStatus[] {LoanStatus.ACTIVE, LoanStatus.DELINQUENT, LoanStatus.RESTRUCTURED,
        LoanStatus.IN_LEGAL}) {
      assertThat(Metro2Status.of(BureauReportKind.CORRECTION, open, dpd)).isEqualTo(new Metro2Status(status, rating));
    }
  }

  @Test
  void aCorrectionOfAClosedLoanRestatesPaidOrChargedOff() {
    assertThat(Metro2Status.of(BureauReportKind.CORRECTION, LoanStatus.SETTLED, 0))
        .isEqualTo(new Metro2Status("13", "0"));
    assertThat(Metro2Status.of(BureauReportKind.CORRECTION, LoanStatus.WRITTEN_OFF, 200))
        .isEqualTo(new Metro2Status("97", "L"));
    assertThatThrownBy(() -> Metro2Status.of(BureauReportKind.CORRECTION, LoanStatus.ACTIVE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyKindHasAMapping() {
    Arrays.stream(BureauReportKind.values()).forEach(kind ->
        assertThat(Metro2Status.of(kind, LoanStatus.ACTIVE, 0).accountStatus()).as(kind.name()).hasSize(2));
  }
}
