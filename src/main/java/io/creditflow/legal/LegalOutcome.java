package io.creditflow.legal;

/**
 * How a legal case ended: PAID_IN_FULL (the loan was repaid), SETTLED (a settlement or judgment amount was paid, the
 * rest forgiven), WRITTEN_OFF, RETURNED_TO_COLLECTION.
 */
public enum LegalOutcome { PAID_IN_FULL, SETTLED, WRITTEN_OFF, RETURNED_TO_COLLECTION }
