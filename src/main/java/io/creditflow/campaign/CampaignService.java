package io.creditflow.campaign;

import io.creditflow.campaign.PromotionCampaignProcess.CheckOutcome;
import io.creditflow.common.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's life, step by step as {@code promotionCampaign} drives it: registered from marketing's form, checked,
 * reviewed by compliance, approved or rejected (or withdrawn), closed at the end date or when its budget is spent,
 * and its results reported.
 *
 * <p><b>Failed checks.</b> A campaign that fails the automatic checks goes back to marketing with the findings, to be
 * revised or withdrawn. After {@code creditflow.campaigns.max-check-runs} failed runs the next failure rejects it, so
 * a proposal cannot circle forever. Unusable form input (missing or malformed values, a code another campaign has)
 * goes back to marketing the same way, before anything is stored.
 */
@Service
public class CampaignService {

  public static final String CLOSED_END_DATE = "END_DATE";
  public static final String CLOSED_BUDGET_SPENT = "BUDGET_SPENT";
  static final int MAX_COMMENT = 500;

  private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

  private final PromotionCampaignRepository campaigns;
  private final CampaignChecks checks;
  private final CampaignResultsQuery results;
  private final CampaignProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  CampaignService(PromotionCampaignRepository campaigns, CampaignChecks checks, CampaignResultsQuery results,
      CampaignProperties properties, AuditTrail audit, Clock clock) {
    this.campaigns = campaigns;
    this.checks = checks;
    this.results = results;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Stores marketing's terms: a new campaign, or the revision of {@code campaignId}. Throws
   * {@link CampaignDraft.Invalid} for unusable input, storing nothing.
   */
  @Transactional(noRollbackFor = CampaignDraft.Invalid.class)
  public PromotionCampaign register(String campaignId, String processInstanceId, Map<String, Object> form,
      String startedBy) {
    CampaignDraft draft = CampaignDraft.read(form, clock.getZone());
    Optional<PromotionCampaign> sameCode = campaigns.findByCode(draft.code());
    if (sameCode.isPresent() && !sameCode.get().getId().equals(campaignId)) {
      throw new CampaignDraft.Invalid(List.of(PromotionCampaignProcess.CODE + ": " + draft.code()
          + " is the code of another campaign; choose another"));
    }
    PromotionCampaign campaign;
    if (campaignId == null) {
      campaign = campaigns.save(new PromotionCampaign(processInstanceId, draft, startedBy, now()));
    } else {
      campaign = get(campaignId);
      campaign.revise(draft, now());
    }
    audit.record(startedBy == null ? "system:campaign" : startedBy,
        campaignId == null ? "CAMPAIGN_PROPOSED" : "CAMPAIGN_REVISED", "campaign", campaign.getId(),
        "code=" + campaign.getCode());
    return campaign;
  }

  /** Runs the automatic checks and says where the process goes. */
  @Transactional
  public Checked check(String campaignId) {
    PromotionCampaign campaign = get(campaignId);
    CampaignChecks.Result result = checks.check(campaign, LocalDate.now(clock));
    campaign.checked(result.findings(), result.disclosedRates(), now());
    CheckOutcome outcome;
    if (result.findings().isEmpty()) {
      outcome = CheckOutcome.PASS;
    } else if (campaign.getCheckRuns() > properties.maxCheckRuns()) {
      outcome = CheckOutcome.REJECT;
      campaign.reviewed("system:campaign-checks", "Rejected: the automatic checks failed "
          + campaign.getCheckRuns() + " times.", now());
      campaign.reject(now());
    } else {
      outcome = CheckOutcome.RETURN;
    }
    log.info("Campaign {} checked: {} ({} finding(s))", campaign.getCode(), outcome, result.findings().size());
    return new Checked(outcome, result.findings(), result.disclosedRates(), segment(campaign), benefit(campaign));
  }

  /** What the checks found, and the summaries the review forms show. */
  public record Checked(CheckOutcome outcome, List<String> findings, String disclosedRates, String segmentSummary,
      String benefitSummary) {}

  /** Compliance's decision: APPROVE or REJECT; a rejection needs a comment. The reviewer may not be the proposer. */
  @Transactional
  public boolean recordComplianceReview(String campaignId, String reviewer, Object decision, Object comment) {
    PromotionCampaign campaign = get(campaignId);
    if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
      throw new CampaignRuleViolation(PromotionCampaignProcess.COMPLIANCE_DECISION + " must be APPROVE or REJECT.");
    }
    String text = comment(comment, PromotionCampaignProcess.COMPLIANCE_COMMENT);
    if ("REJECT".equals(decision) && (text == null || text.isBlank())) {
      throw new CampaignRuleViolation("Say why in " + PromotionCampaignProcess.COMPLIANCE_COMMENT
          + " when rejecting a campaign.");
    }
    if (reviewer.equals(campaign.getCreatedBy())) {
      throw new CampaignRuleViolation("The person who proposed a campaign cannot review it.");
    }
    campaign.reviewed(reviewer, text, now());
    audit.record(reviewer, "CAMPAIGN_REVIEWED", "campaign", campaignId, "decision=" + decision);
    return "APPROVE".equals(decision);
  }

  /** Approves the campaign; returns when it closes: the start of the day after its end date. */
  @Transactional
  public Date approve(String campaignId) {
    PromotionCampaign campaign = get(campaignId);
    campaign.approve(now());
    return Date.from(campaign.getEndDate().plusDays(1).atStartOfDay(clock.getZone()).toInstant());
  }

  @Transactional
  public void reject(String campaignId) {
    get(campaignId).reject(now());
  }

  /** Marketing withdrew the proposal; nothing to do when it was never stored. */
  @Transactional
  public void withdraw(String campaignId) {
    if (campaignId != null) {
      get(campaignId).withdraw(now());
    }
  }

  /** Closes the campaign: BUDGET_SPENT when the budget is used up, else END_DATE. Returns the reason. */
  @Transactional
  public String close(String campaignId) {
    PromotionCampaign campaign = get(campaignId);
    String reason = campaign.isBudgetSpent() ? CLOSED_BUDGET_SPENT : CLOSED_END_DATE;
    campaign.close(reason, now());
    log.info("Campaign {} closed: {}", campaign.getCode(), reason);
    return reason;
  }

  /** Takes the results snapshot the marketing review shows. */
  @Transactional
  public CampaignResults compileResults(String campaignId) {
    PromotionCampaign campaign = get(campaignId);
    CampaignResults figures = results.of(campaign);
    campaign.results(figures, now());
    return figures;
  }

  @Transactional
  public void recordResultsReview(String campaignId, String reviewer, Object conclusion, Object comment) {
    if (!List.of("REPEAT", "ADJUST", "DISCONTINUE").contains(conclusion)) {
      throw new CampaignRuleViolation(PromotionCampaignProcess.RESULTS_CONCLUSION
          + " must be REPEAT, ADJUST or DISCONTINUE.");
    }
    String text = comment(comment, PromotionCampaignProcess.RESULTS_COMMENT);
    get(campaignId).resultsReviewed(reviewer, (String) conclusion, text, now());
  }

  /** Live results of a campaign (the API); the snapshot taken at close stays on the campaign. */
  @Transactional(readOnly = true)
  public CampaignResults liveResults(PromotionCampaign campaign) {
    return results.of(campaign);
  }

  @Transactional(readOnly = true)
  public Optional<PromotionCampaign> find(String code) {
    return campaigns.findByCode(code);
  }

  @Transactional(readOnly = true)
  public List<PromotionCampaign> list(CampaignStatus status) {
    return status == null ? campaigns.findTop200ByOrderByCreatedAtDesc()
        : campaigns.findTop200ByStatusOrderByCreatedAtDesc(status);
  }

  static String segment(PromotionCampaign c) {
    List<String> parts = new ArrayList<>();
    parts.add("channel " + (c.getTargetChannel() == null ? "any" : c.getTargetChannel()));
    parts.add("age " + (c.getTargetAgeFrom() == null ? "18" : c.getTargetAgeFrom()) + "-"
        + (c.getTargetAgeTo() == null ? "any" : c.getTargetAgeTo()));
    parts.add("grades " + (c.getTargetGrades() == null ? "any offered" : c.getTargetGrades()));
    if (c.getTargetPartnerMerchant() != null) {
      parts.add("partner merchant " + c.getTargetPartnerMerchant() + " (by code only)");
    }
    return String.join(", ", parts);
  }

  static String benefit(PromotionCampaign c) {
    List<String> parts = new ArrayList<>();
    if (c.getRateDiscountBps() > 0) {
      parts.add(c.getRateDiscountBps() + " bps off the annual rate");
    }
    if (c.getInterestFreeMonths() > 0) {
      parts.add(c.getInterestFreeMonths() + " interest-free month(s)");
    }
    if (c.getCashbackAmount().signum() > 0) {
      parts.add(c.getCashbackAmount().toPlainString() + " cash-back coupon");
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static String comment(Object comment, String name) {
    if (comment != null && (!(comment instanceof String text) || text.length() > MAX_COMMENT)) {
      throw new CampaignRuleViolation(name + " must be text of at most " + MAX_COMMENT + " characters.");
    }
    return (String) comment;
  }

  PromotionCampaign get(String campaignId) {
    return campaigns.findById(campaignId)
        .orElseThrow(() -> new IllegalStateException("No campaign " + campaignId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
