package io.creditflow.complaint;

/** The answer to a complaint. */
public enum ComplaintOutcome { UPHELD, PARTIALLY_UPHELD, REJECTED }
