package io.creditflow.origination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ScoreApplicant: scorecard and risk grade (DMN). */
@Component
class ScoreApplicantDelegate implements JavaDelegate {

  private final CreditAssessmentService assessment;

  ScoreApplicantDelegate(CreditAssessmentService assessment) {
    this.assessment = assessment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CreditAssessmentService.Score score = assessment.score((String) execution.getVariable("applicationId"));
    execution.setVariable("score", score.score());
    execution.setVariable("grade", score.grade());
  }
}
