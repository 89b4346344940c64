package io.creditflow.collection;

import io.creditflow.contact.ContactPolicy;
import java.time.Clock;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds on collection, for whoever needs collection to stop for a while (hardship assessments now, complaints later;
 * disputes raised on a collection call). A hold stops all contact through the {@link ContactPolicy} and, when a
 * {@code collection} process runs for the loan, interrupts it with {@value CollectionProcess#MESSAGE_HOLD}: no
 * contact and no escalation until every source released its hold; then {@value CollectionProcess#MESSAGE_RELEASE}
 * lets the case resume at the step the days past due call for. A collection started while a hold is in place starts
 * on hold. Both methods join the caller's transaction and are idempotent per source.
 *
 * <p>Messages are correlated to every instance with business key = loan number that waits for them
 * ({@code correlateAll}); none waiting is fine. Do not call these from inside the collection process's own
 * sub-process (its hold boundary event would fire on the running instance): the model calls them from tasks outside
 * it.
 */
@Service
public class CollectionHolds {

  private static final Logger log = LoggerFactory.getLogger(CollectionHolds.class);

  private final ContactPolicy contactPolicy;
  private final RuntimeService runtime;
  private final Clock clock;

  CollectionHolds(ContactPolicy contactPolicy, RuntimeService runtime, Clock clock) {
    this.contactPolicy = contactPolicy;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Holds collection of {@code loanNumber} for {@code source} (e.g. {@code hardship:<requestId>},
   * {@code complaint:<id>}), with a short reason (no personal data).
   */
  @Transactional
  public void hold(String loanNumber, String source, String reason) {
    contactPolicy.hold(loanNumber, source, reason, clock.instant());
    int reached = runtime.createMessageCorrelation(CollectionProcess.MESSAGE_HOLD)
        .processInstanceBusinessKey(loanNumber).correlateAllWithResult().size();
    log.info("Collection of loan {} held by {} ({} case(s) interrupted)", loanNumber, source, reached);
  }

  /** Releases {@code source}'s hold; true when no hold is left (the case, if any, then resumes). */
  @Transactional
  public boolean release(String loanNumber, String source) {
    boolean free = contactPolicy.release(loanNumber, source, clock.instant());
    int reached = 0;
    if (free) {
      reached = runtime.createMessageCorrelation(CollectionProcess.MESSAGE_RELEASE)
          .processInstanceBusinessKey(loanNumber).correlateAllWithResult().size();
    }
    log.info("Collection hold of loan {} by {} released; {} ({} case(s) resumed)", loanNumber, source,
        free ? "no hold left" : "other holds remain", reached);
    return free;
  }

  /** Whether collection of the loan is on hold. */
  @Transactional(readOnly = true)
  public boolean onHold(String loanNumber) {
    return contactPolicy.onHold(loanNumber);
  }
}
