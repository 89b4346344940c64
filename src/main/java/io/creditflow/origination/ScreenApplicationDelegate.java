package io.creditflow.origination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ScreenApplication: a second open application of the same customer is declined. */
@Component
class ScreenApplicationDelegate implements JavaDelegate {

  private final CreditAssessmentService assessment;

  ScreenApplicationDelegate(CreditAssessmentService assessment) {
    this.assessment = assessment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean duplicate = assessment.isDuplicate((String) execution.getVariable("applicationId"));
    execution.setVariable("duplicateApplication", duplicate);
    if (duplicate) {
      execution.setVariable("declineReasonCode", DeclineReason.KO_DUPLICATE_APPLICATION.name());
    }
  }
}
