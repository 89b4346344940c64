package io.creditflow.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The automatic checks a campaign passes before compliance sees it. Java works out the facts from the lender's own
 * tables; the analyst rules ({@code campaignRules}, processes/campaign/campaign-rules.dmn, hit policy COLLECT) turn
 * them into findings:
 * <ul>
 *   <li><b>Resulting annual rate.</b> For each targeted grade (every grade the lender does not decline when none is
 *       targeted) the {@code creditTerms} rate less the campaign's discount, never below the grade's floor rate, as
 *       {@code OfferService} prices an offer, over the income bands of the table. The customer-facing disclosure must
 *       state the lowest and the highest of these rates (e.g. "annual rate from 6.00% to 8.70%"): since 1 March 2021
 *       lenders in China must show the annualised rate in every loan advertisement and sale (People's Bank of China
 *       Announcement [2021] No. 3; chinabankingnews.com, 2021-04-02, "PBOC Requires All Loan Products to Clearly
 *       Display Real Annualized Interest Rates").</li>
 *   <li><b>Declined grades.</b> A grade is declined when {@code creditDecision} declines an applicant of that grade
 *       with an otherwise clean file (no fraud alert, bankruptcy, prohibited purpose, debt or delinquency, not a thin
 *       file) — grade E today. A campaign may not target it.</li>
 *   <li><b>Dates and budget</b> (duration, start not in the past, budget range) and <b>benefit limits</b>: in the
 *       DMN.</li>
 * </ul>
 */
@Component
class CampaignChecks {

  /**
   * Monthly incomes at which the terms table is read: its lowest and highest band and a few between (today's bands
   * split at 20,000). Few on purpose: every evaluation is a historic decision instance.
   */
  private static final List<Double> SAMPLE_INCOMES = List.of(0.0, 10000.0, 20000.0, 50000.0, 1.0e9);

  /** The outcome: findings ("CODE: text", empty when every check passed) and the resulting rates per grade. */
  record Result(List<String> findings, String disclosedRates) {}

  /** Lowest and highest resulting annual rate of one grade. */
  record RateRange(BigDecimal lowest, BigDecimal highest) {}

  private final DecisionService decisions;

  CampaignChecks(DecisionService decisions) {
    this.decisions = decisions;
  }

  Result check(PromotionCampaign campaign, LocalDate today) {
    List<String> declined = declinedGrades();
    List<String> targeted = campaign.getTargetGradeList();
    boolean targetsDeclined = targeted.stream().anyMatch(declined::contains);
    List<String> priced = (targeted.isEmpty() ? CampaignDraft.GRADE_LETTERS : targeted).stream()
        .filter(grade -> !declined.contains(grade)).toList();
    Map<String, RateRange> rates = resultingRates(priced, campaign.getRateDiscountBps());
    boolean disclosed = statesRates(campaign.getBenefitDisclosure(), rates.values());

    long duration = ChronoUnit.DAYS.between(campaign.getStartDate(), campaign.getEndDate()) + 1;
    long lead = ChronoUnit.DAYS.between(today, campaign.getStartDate());
    List<String> findings = new ArrayList<>();
    for (DmnDecisionResultEntries row : decisions.evaluateDecisionByKey("campaignRules")
        .variables(Variables.createVariables()
            .putValue("durationDays", (int) duration)
            .putValue("leadDays", (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, lead)))
            .putValue("budget", campaign.getBudget().doubleValue())
            .putValue("rateDiscountBps", campaign.getRateDiscountBps())
            .putValue("interestFreeMonths", campaign.getInterestFreeMonths())
            .putValue("cashbackAmount", campaign.getCashbackAmount().doubleValue())
            .putValue("targetsDeclinedGrade", targetsDeclined)
            .putValue("disclosureStatesRate", disclosed))
        .evaluate()) {
      findings.add(row.getEntry("findingCode") + ": " + row.getEntry("findingText"));
    }
    return new Result(findings, describe(rates));
  }

  /** Grades {@code creditDecision} declines for an otherwise clean applicant. */
  List<String> declinedGrades() {
    List<String> declined = new ArrayList<>();
    for (String grade : CampaignDraft.GRADE_LETTERS) {
      DmnDecisionResultEntries decision = decisions.evaluateDecisionByKey("creditDecision")
          .variables(Variables.createVariables()
              .putValue("fraudAlert", false)
              .putValue("bankruptcy", false)
              .putValue("prohibitedPurpose", false)
              .putValue("debtToIncome", 0.0)
              .putValue("grade", grade)
              .putValue("thinFile", false)
              .putValue("delinquencies12m", 0))
          .evaluate().getSingleResult();
      if ("DECLINE".equals(decision.getEntry("outcome"))) {
        declined.add(grade);
      }
    }
    return declined;
  }

  /** Per grade, the annual rates an offer would carry with this discount: max(rate - discount, floor). */
  Map<String, RateRange> resultingRates(List<String> grades, int discountBps) {
    BigDecimal discount = BigDecimal.valueOf(discountBps).movePointLeft(4);
    Map<String, RateRange> rates = new LinkedHashMap<>();
    for (String grade : grades) {
      BigDecimal lowest = null;
      BigDecimal highest = null;
      for (double income : SAMPLE_INCOMES) {
        DmnDecisionResultEntries terms = decisions.evaluateDecisionByKey("creditTerms")
            .variables(Variables.createVariables().putValue("grade", grade).putValue("monthlyIncome", income))
            .evaluate().getSingleResult();
        if (terms == null) {
          continue;
        }
        BigDecimal rate = decimal(terms.getEntry("annualRate")).subtract(discount)
            .max(decimal(terms.getEntry("minAnnualRate"))).setScale(6, RoundingMode.HALF_UP);
        lowest = lowest == null ? rate : lowest.min(rate);
        highest = highest == null ? rate : highest.max(rate);
      }
      if (lowest != null) {
        rates.put(grade, new RateRange(lowest, highest));
      }
    }
    return rates;
  }

  /** Whether the text names the lowest and the highest resulting rate, as percentages with two decimals. */
  static boolean statesRates(String disclosure, java.util.Collection<RateRange> rates) {
    if (disclosure == null || rates.isEmpty()) {
      return false;
    }
    BigDecimal lowest = rates.stream().map(RateRange::lowest).min(BigDecimal::compareTo).orElseThrow();
    BigDecimal highest = rates.stream().map(RateRange::highest).max(BigDecimal::compareTo).orElseThrow();
    return disclosure.contains(percent(lowest)) && disclosure.contains(percent(highest));
  }

  static String percent(BigDecimal rate) {
    return rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  private static String describe(Map<String, RateRange> rates) {
    if (rates.isEmpty()) {
      return "no grade the lender offers credit to";
    }
    return rates.entrySet().stream()
        .map(e -> e.getKey() + " " + (e.getValue().lowest().compareTo(e.getValue().highest()) == 0
            ? percent(e.getValue().lowest())
            : percent(e.getValue().lowest()) + "-" + percent(e.getValue().highest())))
        .collect(Collectors.joining("; "));
  }

  private static BigDecimal decimal(Object number) {
    return new BigDecimal(number.toString());
  }
}
