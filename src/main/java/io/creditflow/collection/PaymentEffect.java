package io.creditflow.collection;

/** What a payment did to a collection case that waits inside its stages (Task_RecordPayment, {@code paymentEffect}). */
public enum PaymentEffect {
  /** Recorded on the case; the case goes on where it waits. */
  RECORDED,
  /** The case leaves its stages and is planned again, with a new cycle. */
  REPLAN,
  /** Nothing is past due any more: the case closes as cured. */
  CURED
}
