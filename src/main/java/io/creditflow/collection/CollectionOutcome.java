package io.creditflow.collection;

/**
 * How a collection case ended: CURED (nothing past due any more), LEGAL (handed over to legal), CLOSED (the loan
 * was written off or left servicing another way while the case ran).
 */
public enum CollectionOutcome { CURED, LEGAL, CLOSED }
