package io.creditflow.contact;

import java.time.Instant;

/**
 * What the contact policy would answer now, without recording anything: for screens such as the collector's call
 * form ("may I call now?").
 *
 * @param allowed   whether the contact may happen now
 * @param reason    {@code ALLOWED} or the refusal's reason code (as in {@link ContactDecision#reason()})
 * @param notBefore when refused: the next allowed instant, or null when it cannot be known (hold, cease, third party)
 */
public record ContactPreview(boolean allowed, String reason, Instant notBefore) {}
