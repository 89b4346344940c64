package io.creditflow.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * Asked by the dispatcher just before a notification is sent: may it go now? The lawful-contact policy implements it
 * (quiet hours in the customer's time zone, frequency caps, holds, cease-contact requests). A notification that may
 * not go now is deferred to {@link Verdict#deferUntil()}, never dropped; {@link Verdict#reason()} is stored with it
 * and shown in the contact history. Without an implementation every notification may go at once.
 */
public interface NotificationGate {

  /** The decision for sending {@code notification} at {@code now}. Must not throw for an ordinary refusal. */
  Verdict check(Notification notification, Instant now);

  /**
   * The gate's answer.
   *
   * @param allowed    whether it may be sent now
   * @param deferUntil when not allowed: the next instant at which it may be tried again (after {@code now})
   * @param reason     a short machine-readable reason code (e.g. {@code QUIET_HOURS}, {@code SMS_DAILY_CAP},
   *                   {@code ON_HOLD}), or {@code ALLOWED}
   */
  record Verdict(boolean allowed, Instant deferUntil, String reason) {

    public Verdict {
      Objects.requireNonNull(reason, "reason");
      if (!allowed) {
        Objects.requireNonNull(deferUntil, "deferUntil");
      }
    }

    public static Verdict allow() {
      return new Verdict(true, null, "ALLOWED");
    }

    public static Verdict defer(Instant until, String reason) {
      return new Verdict(false, until, reason);
    }
  }
}
