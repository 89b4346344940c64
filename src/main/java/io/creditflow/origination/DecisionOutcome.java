package io.creditflow.origination;

/** Outcome of the automated credit decision ({@code creditDecision} DMN). */
public enum DecisionOutcome { AUTO_APPROVE, REFER, DECLINE }
