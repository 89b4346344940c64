package io.creditflow.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * The policy's answer to a {@link ContactRequest}, as recorded in the contact history.
 *
 * @param decisionId id of the recorded decision (contact history entry)
 * @param allowed    whether the contact may happen now
 * @param notBefore  when not allowed: the next instant at which it may be tried again (null when it cannot be
 *                   known, e.g. on hold until released or after a cease-contact request)
 * @param reason     machine-readable reason code ({@code ALLOWED}, {@code QUIET_HOURS}, {@code CALL_WEEKLY_CAP},
 *                   {@code CALL_AFTER_CONVERSATION}, {@code UNANSWERED_DAILY_CAP}, {@code SMS_DAILY_CAP},
 *                   {@code EMAIL_DAILY_CAP}, {@code ON_HOLD}, {@code CEASE_CONTACT}, {@code THIRD_PARTY})
 */
public record ContactDecision(String decisionId, boolean allowed, Instant notBefore, String reason) {

  public ContactDecision {
    Objects.requireNonNull(decisionId, "decisionId");
    Objects.requireNonNull(reason, "reason");
  }
}
