package io.creditflow.collection;

import io.creditflow.contact.ContactPolicy;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TEMPORARY stand-in, with the public API of the collection work's {@code CollectionHolds} (being finished in another
 * branch), so that complaints can hold collection now. It only holds and releases contact through the
 * {@link ContactPolicy}; the real class also interrupts and resumes the loan's {@code collection} process. DELETE this
 * file when the collection work is merged.
 */
@Service
public class CollectionHolds {

  private final ContactPolicy contactPolicy;
  private final Clock clock;

  CollectionHolds(ContactPolicy contactPolicy, Clock clock) {
    this.contactPolicy = contactPolicy;
    this.clock = clock;
  }

  /** Holds collection of {@code loanNumber} for {@code source} (e.g. {@code complaint:<id>}); idempotent. */
  @Transactional
  public void hold(String loanNumber, String source, String reason) {
    contactPolicy.hold(loanNumber, source, reason, clock.instant());
  }

  /** Releases {@code source}'s hold; true when no hold is left. Idempotent. */
  @Transactional
  public boolean release(String loanNumber, String source) {
    return contactPolicy.release(loanNumber, source, clock.instant());
  }

  /** Whether collection of the loan is on hold. */
  @Transactional(readOnly = true)
  public boolean onHold(String loanNumber) {
    return contactPolicy.onHold(loanNumber);
  }
}
