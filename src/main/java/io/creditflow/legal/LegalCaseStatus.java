package io.creditflow.legal;

/** Where a legal case stands. CLOSED cases carry a {@link LegalOutcome}. */
public enum LegalCaseStatus {
  IN_REVIEW, SETTLEMENT_OFFERED, SETTLEMENT_ACCEPTED, LAWSUIT_FILED, JUDGMENT, ENFORCEMENT, WRITE_OFF_PROPOSED, CLOSED
}
