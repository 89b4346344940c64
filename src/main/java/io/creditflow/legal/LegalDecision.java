package io.creditflow.legal;

/** The lawyer's decision on the legal review task. */
public enum LegalDecision { LAWSUIT, SETTLEMENT, WRITE_OFF, RETURN_TO_COLLECTION }
