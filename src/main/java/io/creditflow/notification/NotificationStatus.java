package io.creditflow.notification;

/**
 * Where a notification stands.
 *
 * <pre>
 *   PENDING --sent--------------------------> SENT
 *      |  \--failed attempt (back-off)--> PENDING
 *      |   \--last attempt failed-------> FAILED --RETRY (operations)--> PENDING
 *      |                                    \--CANCEL (operations)-----> CANCELLED
 *      \--a NotificationGate refuses--> DEFERRED --due again at notBefore, handled like PENDING
 *   PENDING / DEFERRED --withdrawn--> CANCELLED
 * </pre>
 *
 * {@code PENDING} and {@code DEFERRED} wait for their {@code notBefore} time (a retry's back-off, or the instant the
 * lawful-contact policy allows); {@code SENT} and {@code CANCELLED} are final. {@code FAILED} is final for the
 * dispatcher; a person decides in the {@code notificationFailure} process whether it is tried again.
 */
public enum NotificationStatus {
  /** To be sent at or after {@code notBefore}. */
  PENDING,
  /**
   * A {@link NotificationGate} refused it when it was about to go (quiet hours, a frequency cap, a hold); due again
   * at {@code notBefore} (the gate's {@code deferUntil}), then handled like PENDING. {@code policyReason} says why.
   * A deferral is not a failed attempt.
   */
  DEFERRED,
  /** Handed to the channel (SMS gateway, mail server, print queue, push gateway, or the log). */
  SENT,
  /**
   * Gave up after the configured number of attempts; {@code lastError} says why. Never lost: a
   * {@code notificationFailure} process with a task for {@code operations} starts in the same transaction.
   */
  FAILED,
  /** Withdrawn before it was sent; {@code cancelReason} says why when staff cancelled it. */
  CANCELLED
}
