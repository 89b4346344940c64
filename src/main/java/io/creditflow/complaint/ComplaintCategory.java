package io.creditflow.complaint;

/** What a complaint is about (triage input; guessed from keywords when the intake gives none). */
public enum ComplaintCategory {
  COLLECTION_CONDUCT, FEES_AND_CHARGES, CREDIT_DECISION, FRAUD, DATA_PRIVACY, SERVICE, OTHER
}
