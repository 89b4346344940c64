package io.creditflow.legal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LegalCaseFileRepository extends JpaRepository<LegalCaseFile, String> {

  Optional<LegalCaseFile> findByCaseId(String caseId);
}
