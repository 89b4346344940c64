package io.creditflow.portfolio;

import java.time.Instant;
import java.time.LocalDate;

/** A stored snapshot's header: when, from what, what the warning lines found and what the risk manager decided. */
public record Snapshot(String id, LocalDate snapshotDate, String previousSnapshotId, LocalDate previousSnapshotDate,
    String triggeredBy, String processInstanceId, Instant computedAt, long durationMs, String warningLevel,
    Integer breachCount, String reviewAction, String reviewComment, String reviewedBy, Instant reviewedAt) {}
