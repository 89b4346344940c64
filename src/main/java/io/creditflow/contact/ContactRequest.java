package io.creditflow.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * A contact about to happen.
 *
 * @param loanNumber the loan the contact is about (the policy finds the borrower, holds and history from it)
 * @param channel    how
 * @param party      to whom
 * @param purpose    a short code of why, e.g. the notification template key or {@code collection.call}
 * @param at         when it would happen (engine clock)
 */
public record ContactRequest(String loanNumber, ContactChannel channel, ContactParty party, String purpose,
    Instant at) {

  public ContactRequest {
    Objects.requireNonNull(loanNumber, "loanNumber");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(at, "at");
  }
}
