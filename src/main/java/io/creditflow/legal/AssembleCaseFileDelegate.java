package io.creditflow.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_AssembleCaseFile: assembles and stores the case file (once). */
@Component
class AssembleCaseFileDelegate implements JavaDelegate {

  private final LegalService legal;
  private final CaseFileAssembler assembler;

  AssembleCaseFileDelegate(LegalService legal, CaseFileAssembler assembler) {
    this.legal = legal;
    this.assembler = assembler;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LegalCase c = legal.get((String) execution.getVariable(LegalProcess.CASE_ID));
    LegalCaseFile file = assembler.assemble(c);
    if (legal.steps(c.getId()).stream().noneMatch(s -> s.getKind() == LegalStep.Kind.CASE_FILE)) {
      legal.step(c, LegalStep.Kind.CASE_FILE, null, "case file assembled", null, file.getId());
    }
  }
}
