package io.creditflow.legal;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The case file as assembled when the case opened ({@code cf_legal_case_file}): a JSON snapshot that is never changed,
 * so that the PDF and JSON served later are exactly what the lawyer worked from.
 */
@Entity
@Table(name = "cf_legal_case_file")
public class LegalCaseFile extends AssignedIdEntity {

  @Column(name = "case_id", nullable = false, length = 36, updatable = false)
  private String caseId;

  @Column(name = "assembled_at", nullable = false, updatable = false)
  private Instant assembledAt;

  @Lob
  @Column(nullable = false, updatable = false)
  private String content;

  protected LegalCaseFile() {}

  static LegalCaseFile of(String caseId, String content, Instant at) {
    LegalCaseFile f = new LegalCaseFile();
    f.id = UUID.randomUUID().toString();
    f.caseId = caseId;
    f.assembledAt = at.truncatedTo(ChronoUnit.SECONDS);
    f.content = content;
    return f;
  }

  public String getCaseId() { return caseId; }
  public Instant getAssembledAt() { return assembledAt; }
  public String getContent() { return content; }
}
