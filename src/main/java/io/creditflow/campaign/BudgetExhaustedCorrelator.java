package io.creditflow.campaign;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a campaign's process that its budget is spent ({@value PromotionCampaignProcess#BUDGET_EXHAUSTED}), after the
 * booking commits, in a transaction of its own: a disbursement never fails because the campaign's process could not
 * take the message. A concurrent change of that process instance is retried
 * ({@code creditflow.campaigns.budget-correlation-attempts}); a process no longer waiting (closed already) is fine.
 * If every attempt fails the campaign still gives no further benefit (its budget is spent) and closes at its end date.
 */
@Component
class BudgetExhaustedCorrelator {

  private static final Logger log = LoggerFactory.getLogger(BudgetExhaustedCorrelator.class);

  private final RuntimeService runtime;
  private final CampaignProperties properties;
  private final TransactionTemplate separate;

  BudgetExhaustedCorrelator(RuntimeService runtime, CampaignProperties properties,
      PlatformTransactionManager transactionManager) {
    this.runtime = runtime;
    this.properties = properties;
    this.separate = new TransactionTemplate(transactionManager);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Delivers the message once the current transaction commits (at once without one). */
  void afterCommit(String processInstanceId, String code) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      deliver(processInstanceId, code);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        deliver(processInstanceId, code);
      }
    });
  }

  /** Never throws; returns whether a waiting process took the message. */
  boolean deliver(String processInstanceId, String code) {
    for (int attempt = 1; attempt <= properties.budgetCorrelationAttempts(); attempt++) {
      try {
        List<MessageCorrelationResult> results = separate.execute(tx ->
            runtime.createMessageCorrelation(PromotionCampaignProcess.BUDGET_EXHAUSTED)
                .processInstanceId(processInstanceId)
                .correlateAllWithResult());
        log.info("Campaign {}: budget spent, {} delivered to {} process(es)", code,
            PromotionCampaignProcess.BUDGET_EXHAUSTED, results == null ? 0 : results.size());
        return results != null && !results.isEmpty();
      } catch (OptimisticLockingException e) {
        log.info("Campaign {}: {} met a concurrent change (attempt {})", code,
            PromotionCampaignProcess.BUDGET_EXHAUSTED, attempt);
      } catch (RuntimeException e) {
        log.warn("Campaign {}: {} could not be delivered: {}", code, PromotionCampaignProcess.BUDGET_EXHAUSTED,
            e.getClass().getSimpleName());
        return false;
      }
    }
    return false;
  }
}
