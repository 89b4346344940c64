package io.creditflow.collection;

/** How hard a case is worked, from the DMN {@code collectionStrategy}. The stage table has a timeline per strategy. */
public enum CollectionStrategy { GENTLE, STANDARD, INTENSIVE }
