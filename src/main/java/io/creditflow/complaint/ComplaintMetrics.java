package io.creditflow.complaint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Complaint metrics (Prometheus under {@code /actuator/prometheus}): {@value #RECEIVED} by category,
 * {@value #BREACHES} (deadlines missed) by category and jurisdiction, {@value #RESPONDED} (first responses) by
 * category, outcome and whether in time, so that deadline compliance and upheld rate by category can be computed
 * from the counters as the report computes them from the table.
 */
@Component
class ComplaintMetrics {

  static final String RECEIVED = "creditflow.complaints.received";
  static final String BREACHES = "creditflow.complaints.breaches";
  static final String RESPONDED = "creditflow.complaints.responded";

  private final MeterRegistry meters;

  ComplaintMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void received(ComplaintCategory category) {
    Counter.builder(RECEIVED).description("Complaints triaged").tag("category", category.name())
        .register(meters).increment();
  }

  void breached(Complaint c) {
    Counter.builder(BREACHES).description("Complaint deadlines missed")
        .tag("category", c.getCategory().name()).tag("jurisdiction", c.getJurisdiction().name())
        .register(meters).increment();
  }

  void responded(Complaint c) {
    Counter.builder(RESPONDED).description("First responses to complaints")
        .tag("category", c.getCategory().name()).tag("outcome", c.finalOutcome().name())
        .tag("in_time", String.valueOf(Boolean.TRUE.equals(c.respondedInTime())))
        .register(meters).increment();
  }
}
