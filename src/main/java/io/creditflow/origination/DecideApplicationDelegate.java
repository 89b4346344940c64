package io.creditflow.origination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DecideApplication: knock-outs and decision (DMN), suggested limit and term, whether a person must review. */
@Component
class DecideApplicationDelegate implements JavaDelegate {

  private final CreditAssessmentService assessment;

  DecideApplicationDelegate(CreditAssessmentService assessment) {
    this.assessment = assessment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CreditAssessmentService.Decision decision = assessment.decide((String) execution.getVariable("applicationId"));
    execution.setVariable("outcome", decision.outcome().name());
    execution.setVariable("reviewRequired", decision.reviewRequired());
    execution.setVariable("suggestedLimit", decision.suggestedLimit().longValue());
    execution.setVariable("maxTermMonths", decision.maxTermMonths());
  }
}
