package io.creditflow.legal;

/** The court's judgment. */
public enum Judgment { WON, LOST, SETTLED_IN_COURT }
