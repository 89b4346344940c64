package io.creditflow.notification;

/**
 * Where a notification stands. {@code PENDING} waits for its {@code notBefore} time (a retry or, later, the
 * lawful-contact policy moves that time); the other three are final.
 */
public enum NotificationStatus {
  /** To be sent at or after {@code notBefore}. */
  PENDING,
  /** Handed to the sender. */
  SENT,
  /** Gave up after the configured number of attempts; {@code lastError} says why. */
  FAILED,
  /** Withdrawn before it was sent. */
  CANCELLED
}
