package io.creditflow.campaign;

import io.creditflow.common.web.ApiExceptionHandler;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/campaigns}: promotion campaigns, their checks, review, budget and results (read only). */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Promotion campaigns")
class CampaignController {

  private static final String READERS =
      "hasAnyAuthority('marketing', 'compliance', 'risk-managers', 'camunda-admin')";

  record Segment(String channel, Integer ageFrom, Integer ageTo, List<String> grades, String partnerMerchant) {}

  record Benefit(int rateDiscountBps, int interestFreeMonths, BigDecimal cashbackAmount, String disclosure) {}

  record Review(List<String> checkFindings, int checkRuns, String disclosedRates, String reviewedBy, String comment,
      OffsetDateTime reviewedAt) {}

  record Results(long applications, long approvals, long disbursedLoans, BigDecimal disbursedAmount,
      BigDecimal benefitCost, long delinquentLoans, BigDecimal delinquentPrincipal, BigDecimal delinquencyRate) {

    static Results of(CampaignResults r) {
      return new Results(r.applications(), r.approvals(), r.disbursedLoans(), r.disbursedAmount(), r.benefitCost(),
          r.delinquentLoans(), r.delinquentPrincipal(), r.delinquencyRate());
    }
  }

  record ResultsReview(String conclusion, String comment, String reviewedBy) {}

  record CampaignSummary(String code, String name, CampaignStatus status, boolean running, LocalDate startDate,
      LocalDate endDate, BigDecimal budget, BigDecimal spent, String closedReason) {}

  record CampaignView(String code, String name, CampaignStatus status, boolean running, String processInstanceId,
      Segment segment, Benefit benefit, BigDecimal budget, BigDecimal spent, BigDecimal budgetRemaining,
      LocalDate startDate, LocalDate endDate, String createdBy, Review review, String closedReason,
      OffsetDateTime closedAt, Results results, Results resultsAtClose, ResultsReview resultsReview) {}

  private final CampaignService campaigns;
  private final Clock clock;

  CampaignController(CampaignService campaigns, Clock clock) {
    this.campaigns = campaigns;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(summary = "Campaigns, newest first (at most 200), optionally of one status")
  List<CampaignSummary> list(@RequestParam(required = false) String status) {
    CampaignStatus wanted = null;
    if (status != null) {
      wanted = Arrays.stream(CampaignStatus.values()).filter(s -> s.name().equals(status)).findFirst()
          .orElseThrow(() -> new InvalidRequestException(List.of(new ApiExceptionHandler.FieldProblem("status",
              "one of " + Arrays.toString(CampaignStatus.values())))));
    }
    LocalDate today = LocalDate.now(clock);
    return campaigns.list(wanted).stream().map(c -> new CampaignSummary(c.getCode(), c.getName(), c.getStatus(),
        c.isRunningOn(today), c.getStartDate(), c.getEndDate(), c.getBudget(), c.getSpent(), c.getClosedReason()))
        .toList();
  }

  @GetMapping("/{code}")
  @PreAuthorize(READERS)
  @Operation(summary = "One campaign: segment, benefit, checks and review, budget, live results and the results"
      + " reported at close")
  CampaignView get(@PathVariable String code) {
    PromotionCampaign c = campaigns.find(code).orElseThrow(() -> new NotFoundException("No campaign " + code));
    ZoneId zone = clock.getZone();
    Results atClose = c.getResultApplications() == null ? null : Results.of(new CampaignResults(
        c.getResultApplications(), c.getResultApprovals(), c.getResultDisbursedLoans(), c.getResultDisbursedAmount(),
        c.getResultBenefitCost(), c.getResultDelinquentLoans(), c.getResultDelinquentPrincipal()));
    return new CampaignView(c.getCode(), c.getName(), c.getStatus(), c.isRunningOn(LocalDate.now(clock)),
        c.getProcessInstanceId(),
        new Segment(c.getTargetChannel(), c.getTargetAgeFrom(), c.getTargetAgeTo(), c.getTargetGradeList(),
            c.getTargetPartnerMerchant()),
        new Benefit(c.getRateDiscountBps(), c.getInterestFreeMonths(), c.getCashbackAmount(),
            c.getBenefitDisclosure()),
        c.getBudget(), c.getSpent(), c.getBudget().subtract(c.getSpent()).max(BigDecimal.ZERO.setScale(2)),
        c.getStartDate(), c.getEndDate(), c.getCreatedBy(),
        new Review(c.getCheckFindings() == null ? List.of() : List.of(c.getCheckFindings().split("\n")),
            c.getCheckRuns(), c.getDisclosedRates(), c.getReviewedBy(), c.getReviewComment(),
            at(c.getReviewedAt(), zone)),
        c.getClosedReason(), at(c.getClosedAt(), zone), Results.of(campaigns.liveResults(c)), atClose,
        c.getResultsConclusion() == null ? null
            : new ResultsReview(c.getResultsConclusion(), c.getResultsComment(), c.getResultsReviewedBy()));
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
