package io.creditflow.inspection;

import java.time.Instant;

/** A post-loan self-inspection: status REQUESTED, IN_PROGRESS or COMPLETED, and how its sample was drawn. */
public record Inspection(String id, String status, long seed, int requestedSize, Integer population,
    Integer sampleSize, String triggeredBy, String processInstanceId, Instant startedAt, Instant sampledAt,
    Instant completedAt) {

  public static final String REQUESTED = "REQUESTED";
  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String COMPLETED = "COMPLETED";
}
