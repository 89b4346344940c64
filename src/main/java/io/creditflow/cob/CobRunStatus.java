package io.creditflow.cob;

/** Where a close of business stands. FAILED: a step failed and waits for its retry or for an operator (incident). */
public enum CobRunStatus { RUNNING, COMPLETED, FAILED }
