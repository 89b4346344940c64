package io.creditflow.monitoring;

/** The outcome of {@code fundUsageClassification}: PROHIBITED and SUSPICIOUS start an investigation. */
public enum FundUsageClassification {
  ALLOWED,
  PROHIBITED,
  SUSPICIOUS;

  boolean needsInvestigation() {
    return this != ALLOWED;
  }
}
