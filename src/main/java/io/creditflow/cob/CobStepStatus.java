package io.creditflow.cob;

/** Where one step of a run stands. FAILED: its last chunk failed; the job retries it, then raises an incident. */
public enum CobStepStatus { PENDING, RUNNING, COMPLETED, FAILED }
