package io.creditflow.servicing;

/** Delivery of a payment's {@code PaymentReceived} message to the processes waiting for it. */
public enum CorrelationStatus {
  /** Committed, not yet tried (or the node stopped before it could). */
  PENDING,
  /** At least one waiting process instance received it. */
  DELIVERED,
  /** No process instance of the loan was waiting: nothing to do. */
  NOT_WAITED,
  /** Every attempt failed; {@link PaymentService#redeliverFailedCorrelations()} tries again. */
  FAILED
}
