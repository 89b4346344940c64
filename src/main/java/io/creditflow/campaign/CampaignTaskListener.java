package io.creditflow.campaign;

import io.creditflow.common.engine.TaskActors;
import static io.creditflow.campaign.PromotionCampaignProcess.CAMPAIGN_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The user tasks of {@code promotionCampaign}, on complete; a broken rule refuses the completion and the task stays
 * open:
 * <ul>
 *   <li>Task_ReviseCampaign: {@code revisionDecision} RESUBMIT or WITHDRAW;</li>
 *   <li>Task_ReviewCampaign: compliance's decision is recorded ({@link CampaignService#recordComplianceReview});</li>
 *   <li>Task_ReviewResults: marketing's conclusion is recorded.</li>
 * </ul>
 */
@Component
class CampaignTaskListener implements TaskListener {

  static final String REVISE = "Task_ReviseCampaign";
  static final String REVIEW = "Task_ReviewCampaign";
  static final String RESULTS = "Task_ReviewResults";

  private final CampaignService campaigns;

  CampaignTaskListener(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Override
  public void notify(DelegateTask task) {
    String campaignId = (String) task.getVariable(CAMPAIGN_ID);
    switch (task.getTaskDefinitionKey()) {
      case REVISE -> {
        Object decision = task.getVariable(PromotionCampaignProcess.REVISION_DECISION);
        if (!"RESUBMIT".equals(decision) && !"WITHDRAW".equals(decision)) {
          throw new CampaignRuleViolation(PromotionCampaignProcess.REVISION_DECISION
              + " must be RESUBMIT or WITHDRAW.");
        }
      }
      case REVIEW -> campaigns.recordComplianceReview(campaignId, actingUser(task),
          task.getVariable(PromotionCampaignProcess.COMPLIANCE_DECISION),
          task.getVariable(PromotionCampaignProcess.COMPLIANCE_COMMENT));
      case RESULTS -> campaigns.recordResultsReview(campaignId, actingUser(task),
          task.getVariable(PromotionCampaignProcess.RESULTS_CONCLUSION),
          task.getVariable(PromotionCampaignProcess.RESULTS_COMMENT));
      default -> throw new IllegalStateException("Unexpected task " + task.getTaskDefinitionKey());
    }
  }

  /** The person completing the task: its assignee, else the authenticated user. */
  static String actingUser(DelegateTask task) {
    return TaskActors.actingUser(task).orElseThrow(() -> new CampaignRuleViolation("Claim the task before completing it, so the decision has a name on it."));
  }
}
