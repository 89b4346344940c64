package io.creditflow.legal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LegalStepRepository extends JpaRepository<LegalStep, String> {

  List<LegalStep> findByCaseIdOrderBySequenceNumberAsc(String caseId);

  long countByCaseId(String caseId);
}
