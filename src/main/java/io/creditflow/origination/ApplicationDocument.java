package io.creditflow.origination;

import io.creditflow.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Metadata of a document the applicant uploaded elsewhere (the file stays in the document store). */
@Entity
@Table(name = "cf_application_document")
public class ApplicationDocument extends AssignedIdEntity {

  @Column(name = "application_id", nullable = false)
  private String applicationId;

  @Column(name = "document_type", nullable = false)
  private String documentType;

  @Column(name = "file_reference", nullable = false)
  private String fileReference;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected ApplicationDocument() {}

  ApplicationDocument(String applicationId, String documentType, String fileReference, Instant receivedAt) {
    this.id = UUID.randomUUID().toString();
    this.applicationId = applicationId;
    this.documentType = documentType;
    this.fileReference = fileReference;
    this.receivedAt = receivedAt;
  }

  public String getDocumentType() { return documentType; }
  public String getFileReference() { return fileReference; }
  public Instant getReceivedAt() { return receivedAt; }
}
