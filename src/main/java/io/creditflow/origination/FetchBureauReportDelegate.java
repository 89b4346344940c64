package io.creditflow.origination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_FetchBureauReport (asynchronous): a bureau failure throws, so the job is retried and then raises an incident. */
@Component
class FetchBureauReportDelegate implements JavaDelegate {

  private final CreditAssessmentService assessment;

  FetchBureauReportDelegate(CreditAssessmentService assessment) {
    this.assessment = assessment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("bureauReference",
        assessment.fetchBureauReport((String) execution.getVariable("applicationId")));
  }
}
