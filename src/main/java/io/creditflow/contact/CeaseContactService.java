package io.creditflow.contact;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.servicing.LoanRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's requests to stop being contacted about a loan. While one is active, the policy refuses every contact
 * whose purpose cease-contact stops (collection and ordinary servicing; not the regulatory notices, see
 * {@code processes/contact/contact-purposes.dmn}). Idempotent by request reference.
 */
@Service
public class CeaseContactService {

  /** The request and whether this call created it (false: a repeat of the same reference). */
  public record Result(CeaseContactRequest request, boolean created) {}

  private static final Logger log = LoggerFactory.getLogger(CeaseContactService.class);

  private final CeaseContactRequestRepository requests;
  private final LoanRepository loans;
  private final AuditTrail auditTrail;
  private final Clock clock;

  CeaseContactService(CeaseContactRequestRepository requests, LoanRepository loans, AuditTrail auditTrail,
      Clock clock) {
    this.requests = requests;
    this.loans = loans;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /**
   * Records the request, or returns the one stored under the same reference.
   *
   * @throws NotFoundException  no such loan
   * @throws ConflictException  the reference was used for another loan or another note
   */
  @Transactional
  public Result request(String loanNumber, String requestReference, String note, String actor) {
    Optional<Result> repeat = existing(loanNumber, requestReference, note);
    if (repeat.isPresent()) {
      return repeat.get();
    }
    if (!loans.existsById(loanNumber)) {
      throw new NotFoundException("No loan " + loanNumber + ".");
    }
    // the unique reference stops a concurrent twin here; the caller re-reads (see ContactController)
    CeaseContactRequest request = requests.saveAndFlush(new CeaseContactRequest(loanNumber, requestReference, note,
        actor, now()));
    auditTrail.record(actor, "CEASE_CONTACT_REQUESTED", "loan", loanNumber, "request " + requestReference);
    log.info("Loan {}: cease-contact request {} by {}", loanNumber, requestReference, actor);
    return new Result(request, true);
  }

  /** The stored request of this reference, after a concurrent twin won the race. */
  @Transactional(readOnly = true)
  public Optional<Result> existing(String loanNumber, String requestReference, String note) {
    return requests.findByRequestReference(requestReference).map(stored -> {
      if (!stored.sameAs(loanNumber, note)) {
        throw new ConflictException("Request reference " + requestReference
            + " was already used for a different cease-contact request.");
      }
      return new Result(stored, false);
    });
  }

  /**
   * Withdraws the request (the customer agrees to be contacted again); a second withdrawal changes nothing.
   *
   * @throws NotFoundException no request of this reference on this loan
   */
  @Transactional
  public CeaseContactRequest withdraw(String loanNumber, String requestReference, String actor) {
    CeaseContactRequest request = get(loanNumber, requestReference);
    if (request.withdraw(actor, now())) {
      requests.flush();
      auditTrail.record(actor, "CEASE_CONTACT_WITHDRAWN", "loan", loanNumber, "request " + requestReference);
      log.info("Loan {}: cease-contact request {} withdrawn by {}", loanNumber, requestReference, actor);
    }
    return request;
  }

  @Transactional(readOnly = true)
  public CeaseContactRequest get(String loanNumber, String requestReference) {
    return requests.findByRequestReference(requestReference)
        .filter(request -> request.getLoanNumber().equals(loanNumber))
        .orElseThrow(() -> new NotFoundException("No cease-contact request " + requestReference + " on loan "
            + loanNumber + "."));
  }

  /** Whether the customer asked us to stop contacting them about the loan (a request not withdrawn). */
  @Transactional(readOnly = true)
  public boolean active(String loanNumber) {
    return requests.existsByLoanNumberAndWithdrawnAtIsNull(loanNumber);
  }

  /** Every request of the loan, newest first. */
  @Transactional(readOnly = true)
  public List<CeaseContactRequest> of(String loanNumber) {
    return requests.findByLoanNumberOrderByRequestedAtDesc(loanNumber);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
