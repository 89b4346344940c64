package io.creditflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import io.creditflow.support.DecisionTableUnderTest;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code processes/servicing/fund-usage.dmn}: hit policy FIRST, every rule matched by a test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FundUsageDecisionTest {

  private static final DecisionTableUnderTest TABLE = new DecisionTableUnderTest(FundUsageService.DECISION_KEY,
      Path.of("processes/servicing/fund-usage.dmn"));

  private static DmnDecisionResultEntries classify(String category, double share, int transfers) {
    return TABLE.evaluate(Variables.createVariables().putValue("merchantCategory", category)
        .putValue("amountShareOfPrincipal", share).putValue("transfersLast7Days", transfers)).getSingleResult();
  }

  @ParameterizedTest(name = "{0}, {1} of principal, {2} transfers -> {3} {4}")
  @CsvSource({
      "REAL_ESTATE,     0.01, 0, PROHIBITED, FU_REAL_ESTATE",
      "SECURITIES,      0.90, 0, PROHIBITED, FU_SECURITIES",
      "CRYPTO,          0.10, 0, PROHIBITED, FU_CRYPTO",
      "GAMBLING,        0.10, 0, PROHIBITED, FU_GAMBLING",
      "LOAN_REPAYMENT,  1.00, 0, PROHIBITED, FU_OTHER_LENDER",
      "CASH_WITHDRAWAL, 0.50, 0, SUSPICIOUS, FU_LARGE_CASH_OUT",
      "CASH_WITHDRAWAL, 0.80, 0, SUSPICIOUS, FU_LARGE_CASH_OUT",
      "CASH_WITHDRAWAL, 0.49, 0, ALLOWED,    FU_ALLOWED",
      "TRANSFER,        0.05, 5, SUSPICIOUS, FU_MANY_TRANSFERS",
      "TRANSFER,        0.05, 9, SUSPICIOUS, FU_MANY_TRANSFERS",
      "TRANSFER,        0.90, 4, ALLOWED,    FU_ALLOWED",
      "RETAIL,          1.00, 7, ALLOWED,    FU_ALLOWED",
      "TRAVEL,          0.30, 0, ALLOWED,    FU_ALLOWED",
      "EDUCATION,       0.30, 0, ALLOWED,    FU_ALLOWED",
      "HEALTHCARE,      0.30, 0, ALLOWED,    FU_ALLOWED",
      "OTHER,           0.30, 0, ALLOWED,    FU_ALLOWED"})
  void classifies(String category, double share, int transfers, String classification, String reasonCode) {
    DmnDecisionResultEntries result = classify(category, share, transfers);

    assertThat((String) result.getEntry("classification")).isEqualTo(classification);
    assertThat((String) result.getEntry("reasonCode")).isEqualTo(reasonCode);
    assertThat((String) result.getEntry("reasonText")).isNotBlank();
  }

  @Test
  void prohibitedCategoriesWinOverSizeAndEveryCategoryGetsAnAnswer() {
    assertThat(TABLE.hitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat((String) classify("GAMBLING", 0.9, 9).getEntry("classification")).isEqualTo("PROHIBITED");
    for (MerchantCategory category : MerchantCategory.values()) {
      assertThat(FundUsageClassification.valueOf(classify(category.name(), 0.2, 1).getEntry("classification")))
          .isNotNull();
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyRuleIsMatchedByATest() {
    TABLE.assertEveryRuleMatched();
  }
}
