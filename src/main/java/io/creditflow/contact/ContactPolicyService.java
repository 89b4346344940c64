package io.creditflow.contact;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.customer.Customer;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lawful-contact policy. Checks, in this order (the first that refuses gives the reason):
 * <ol>
 *   <li>{@code THIRD_PARTY}: only the borrower is ever contacted;</li>
 *   <li>{@code ON_HOLD}: a source holds the loan (for purposes the DMN {@code contactPurpose} lets holds stop);</li>
 *   <li>{@code CEASE_CONTACT}: the customer asked us to stop (same, for purposes cease-contact stops);</li>
 *   <li>quiet hours in the customer's time zone on channels that interrupt ({@code QUIET_HOURS});</li>
 *   <li>for capped purposes: calls ({@code CALL_AFTER_CONVERSATION}, {@code CALL_WEEKLY_CAP},
 *       {@code UNANSWERED_DAILY_CAP}) and the daily SMS / e-mail caps per customer ({@code SMS_DAILY_CAP},
 *       {@code EMAIL_DAILY_CAP}).</li>
 * </ol>
 * The first three have no known end ({@code notBefore} null); the others answer the next instant at which every time
 * rule allows the contact. Rules and numbers come from the DMN tables in {@code processes/contact/} with the profile of
 * {@code creditflow.contact.jurisdiction}.
 *
 * <p>Decisions of one customer are serialised (a row lock on the customer), so two nodes cannot both use the last
 * SMS of a day. The caps count what actually went: the SMS / e-mail caps count the notifications the outbox was
 * allowed to send (a notification deferred and later allowed counts once; a decision without a notification id, e.g.
 * a process checking before it enqueues, counts nothing), the call caps count the calls recorded with
 * {@link #recordCall}.
 *
 * <p>Besides {@link ContactPolicy}: {@link #decide(ContactRequest, String, String)} for a given number or notification,
 * {@link #preview} and {@link #callAllowedNow} that record nothing (for the collector's call form).
 */
@Service
@Transactional
public class ContactPolicyService implements ContactPolicy {

  /** The purpose of a collector's call, as {@link #callAllowedNow} asks it. */
  public static final String COLLECTION_CALL = "collection.call";
  public static final String ALLOWED = "ALLOWED";
  public static final String THIRD_PARTY = "THIRD_PARTY";
  public static final String ON_HOLD = "ON_HOLD";
  public static final String CEASE_CONTACT = "CEASE_CONTACT";
  static final String DEFERRED_METER = "creditflow.contact.deferred";

  private static final Logger log = LoggerFactory.getLogger(ContactPolicyService.class);
  private static final Pattern PHONE_REF = Pattern.compile("[a-z][a-z0-9_.-]{0,31}");
  /** Calls older than the longest window (7 days by default) plus a day of slack do not matter for any rule. */
  private static final Duration CALL_LOOKBACK_SLACK = Duration.ofDays(2);

  private final LoanRepository loans;
  private final EntityManager entityManager;
  private final ContactDecisionRepository decisions;
  private final CallRecordRepository calls;
  private final ContactHoldRepository holds;
  private final CeaseContactRequestRepository ceaseRequests;
  private final ContactRules rules;
  private final ContactProperties properties;
  private final AuditTrail auditTrail;
  private final MeterRegistry meters;
  private final Clock clock;

  ContactPolicyService(LoanRepository loans, EntityManager entityManager, ContactDecisionRepository decisions,
      CallRecordRepository calls, ContactHoldRepository holds, CeaseContactRequestRepository ceaseRequests,
      ContactRules rules, ContactProperties properties, AuditTrail auditTrail, MeterRegistry meters, Clock clock) {
    this.loans = loans;
    this.entityManager = entityManager;
    this.decisions = decisions;
    this.calls = calls;
    this.holds = holds;
    this.ceaseRequests = ceaseRequests;
    this.rules = rules;
    this.properties = properties;
    this.auditTrail = auditTrail;
    this.meters = meters;
    this.clock = clock;
  }

  /** The same policy under another jurisdiction profile (tests and what-if tools). */
  ContactPolicyService withProperties(ContactProperties other) {
    return new ContactPolicyService(loans, entityManager, decisions, calls, holds, ceaseRequests, rules, other,
        auditTrail, meters, clock);
  }

  @Override
  public ContactDecision decide(ContactRequest request) {
    return decide(request, null, null);
  }

  /**
   * Decides and records, like {@link #decide(ContactRequest)}.
   *
   * @param phoneRef       for calls: the number about to be dialled, as a reference (null = the default,
   *                       {@code creditflow.contact.default-phone-ref}); ignored for other channels
   * @param notificationId the outbox notification this decision is about, or null; the caps count a notification once
   *                       however often it is decided
   */
  public ContactDecision decide(ContactRequest request, String phoneRef, String notificationId) {
    Loan loan = loan(request.loanNumber());
    // one customer's decisions one after another: the caps count decisions of all the customer's loans
    Customer customer = entityManager.find(Customer.class, loan.getCustomerId(), LockModeType.PESSIMISTIC_WRITE);
    Evaluation evaluation = evaluate(request, loan, customer, phoneRef, notificationId);
    Instant recordedAt = now();
    ContactDecisionEntry entry = decisions.save(new ContactDecisionEntry(loan.getLoanNumber(), loan.getCustomerId(),
        request, evaluation.category(), evaluation.capped(), seconds(request.at()), evaluation.allowed(),
        evaluation.reason(), evaluation.notBefore(), notificationId, evaluation.phoneRef(),
        properties.jurisdiction(), recordedAt));
    if (evaluation.allowed()) {
      log.info("Contact {} of loan {} via {} for {}: allowed", entry.getId(), loan.getLoanNumber(),
          request.channel(), request.purpose());
    } else {
      log.info("Contact {} of loan {} via {} for {}: refused {}, not before {}", entry.getId(), loan.getLoanNumber(),
          request.channel(), request.purpose(), evaluation.reason(), evaluation.notBefore());
      countDeferred(evaluation.reason(), request.channel());
    }
    return entry.toDecision();
  }

  /** What {@link #decide} would answer, without recording it or locking anything. */
  public ContactPreview preview(ContactRequest request, String phoneRef) {
    Loan loan = loan(request.loanNumber());
    Customer customer = entityManager.find(Customer.class, loan.getCustomerId());
    Evaluation evaluation = evaluate(request, loan, customer, phoneRef, null);
    return new ContactPreview(evaluation.allowed(), evaluation.reason(), evaluation.notBefore());
  }

  /**
   * Whether a collector may call the borrower of {@code loanNumber} now (engine clock) on the default number, with
   * the reason and the next allowed instant; records nothing. For the collector's call form. The call itself must
   * still be decided with {@link #decide} and recorded with {@link #recordCall}.
   */
  public ContactPreview callAllowedNow(String loanNumber) {
    return preview(new ContactRequest(loanNumber, ContactChannel.CALL, ContactParty.BORROWER, COLLECTION_CALL, now()),
        null);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException no such decision, a decision of another loan, or a phone number instead of a
   *                                  reference
   * @throws IllegalStateException    the decision refused the contact, was not about a call or visit, or already has
   *                                  a call recorded with another outcome (a repeat with the same outcome is ignored)
   */
  @Override
  public void recordCall(String loanNumber, String decisionId, CallOutcome outcome, String phoneRef, String actor,
      Instant at) {
    if (outcome == null || actor == null || actor.isBlank() || at == null) {
      throw new IllegalArgumentException("outcome, actor and time of the call are required");
    }
    ContactDecisionEntry decision = decisions.findById(decisionId == null ? "" : decisionId)
        .filter(found -> found.getLoanNumber().equals(loanNumber))
        .orElseThrow(() -> new IllegalArgumentException("No contact decision " + decisionId + " for loan "
            + loanNumber));
    if (decision.getChannel() != ContactChannel.CALL && decision.getChannel() != ContactChannel.FIELD_VISIT) {
      throw new IllegalStateException("Contact decision " + decisionId + " is about " + decision.getChannel()
          + ", not a call or field visit");
    }
    if (!decision.isAllowed()) {
      throw new IllegalStateException("Contact decision " + decisionId + " refused the contact ("
          + decision.getReason() + "): no call outcome can be recorded for it");
    }
    String ref = phoneRef(phoneRef != null ? phoneRef : decision.getPhoneRef());
    var existing = calls.findByDecisionId(decisionId);
    if (existing.isPresent()) {
      if (existing.get().getOutcome() != outcome) {
        throw new IllegalStateException("Contact decision " + decisionId + " already has a call recorded ("
            + existing.get().getOutcome() + "); a new attempt needs a new decision");
      }
      return;
    }
    calls.save(new CallRecord(loanNumber, decisionId, decision.getChannel(), outcome, ref, actor, seconds(at),
        now()));
    log.info("Loan {}: {} on {} by {} ({})", loanNumber, decision.getChannel(), ref, actor, outcome);
  }

  @Override
  public void hold(String loanNumber, String source, String reason, Instant at) {
    requireText("source", source, 128);
    loan(loanNumber);
    if (!holds.findByLoanNumberAndSourceAndReleasedAtIsNull(loanNumber, source).isEmpty()) {
      return;
    }
    String trimmed = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    holds.save(new ContactHold(loanNumber, source, trimmed, seconds(at == null ? now() : at)));
    auditTrail.record(source, "CONTACT_HOLD", "loan", loanNumber, "contact held by " + source);
    log.info("Loan {}: contact held by {}", loanNumber, source);
  }

  @Override
  public boolean release(String loanNumber, String source, Instant at) {
    requireText("source", source, 128);
    List<ContactHold> active = holds.findByLoanNumberAndSourceAndReleasedAtIsNull(loanNumber, source);
    if (!active.isEmpty()) {
      Instant releasedAt = seconds(at == null ? now() : at);
      active.forEach(hold -> hold.release(releasedAt));
      holds.flush();
      auditTrail.record(source, "CONTACT_RELEASE", "loan", loanNumber, "contact hold of " + source + " released");
      log.info("Loan {}: contact hold of {} released", loanNumber, source);
    }
    return !holds.existsByLoanNumberAndReleasedAtIsNull(loanNumber);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean onHold(String loanNumber) {
    return holds.existsByLoanNumberAndReleasedAtIsNull(loanNumber);
  }

  /** Every hold of the loan, active and released, newest first. */
  @Transactional(readOnly = true)
  public List<ContactHold> holds(String loanNumber) {
    return holds.findByLoanNumberOrderByHeldAtDesc(loanNumber);
  }

  private record Evaluation(boolean allowed, String reason, Instant notBefore, PurposeCategory category,
      boolean capped, String phoneRef) {}

  private Evaluation evaluate(ContactRequest request, Loan loan, Customer customer, String phoneRef,
      String notificationId) {
    ContactRules.Purpose purpose = rules.purpose(request.purpose());
    String ref = request.channel() == ContactChannel.CALL ? phoneRef(phoneRef) : null;
    String loanNumber = loan.getLoanNumber();
    if (request.party() != ContactParty.BORROWER) {
      return refused(THIRD_PARTY, null, purpose, ref);
    }
    if (purpose.holdApplies() && holds.existsByLoanNumberAndReleasedAtIsNull(loanNumber)) {
      return refused(ON_HOLD, null, purpose, ref);
    }
    if (purpose.ceaseApplies() && ceaseRequests.existsByLoanNumberAndWithdrawnAtIsNull(loanNumber)) {
      return refused(CEASE_CONTACT, null, purpose, ref);
    }
    Instant at = seconds(request.at());
    ContactRules.Profile profile = rules.profile(properties.jurisdiction());
    ZoneId zone = zoneOf(customer);
    List<TimeRules.Call> recentCalls = request.channel() != ContactChannel.CALL ? List.of()
        : calls.findByLoanNumberAndCalledAtGreaterThanOrderByCalledAtAsc(loanNumber,
            at.minus(max(profile.callWindow(), profile.conversationPause())).minus(CALL_LOOKBACK_SLACK)).stream()
            .map(call -> new TimeRules.Call(call.getCalledAt(), call.getChannel(), call.isConversation(),
                call.getPhoneRef()))
            .toList();
    List<TimeRules.Sent> sent = request.channel() != ContactChannel.SMS && request.channel() != ContactChannel.EMAIL
        ? List.of() : released(loan.getCustomerId(), request.channel(), at.atZone(zone).toLocalDate()
            .atStartOfDay(zone).toInstant());
    String capKey = notificationId != null ? "notification:" + notificationId : "new";
    TimeRules.Outcome outcome = TimeRules.evaluate(at, new TimeRules.Input(zone, profile, request.channel(),
        rules.interrupts(request.channel()), purpose.capsApply(), ref, capKey, recentCalls, sent));
    if (outcome.allowed()) {
      return new Evaluation(true, ALLOWED, null, purpose.category(), purpose.capsApply(), ref);
    }
    return new Evaluation(false, outcome.reason(), outcome.notBefore(), purpose.category(), purpose.capsApply(), ref);
  }

  /** What the outbox was allowed to send to the customer on the channel from {@code from} on. */
  private List<TimeRules.Sent> released(String customerId, ContactChannel channel, Instant from) {
    return decisions
        .findByCustomerIdAndChannelAndAllowedTrueAndCappedTrueAndNotificationIdIsNotNullAndContactAtGreaterThanEqual(
            customerId, channel, from).stream()
        .map(entry -> new TimeRules.Sent(entry.getContactAt(), entry.capKey()))
        .toList();
  }

  private static Evaluation refused(String reason, Instant notBefore, ContactRules.Purpose purpose, String ref) {
    return new Evaluation(false, reason, notBefore, purpose.category(), purpose.capsApply(), ref);
  }

  /** The customer's own zone, else the configured default (also for an id the JDK does not know). */
  ZoneId zoneOf(Customer customer) {
    String id = customer == null ? null : customer.getTimeZone();
    if (id == null || id.isBlank()) {
      return properties.defaultTimeZone();
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      log.warn("Customer {} has an unknown time zone; using {}", customer.getId(), properties.defaultTimeZone());
      return properties.defaultTimeZone();
    }
  }

  private Loan loan(String loanNumber) {
    return loans.findById(loanNumber == null ? "" : loanNumber)
        .orElseThrow(() -> new UnknownLoanException(loanNumber));
  }

  private String phoneRef(String phoneRef) {
    String ref = phoneRef == null ? properties.defaultPhoneRef() : phoneRef;
    if (!PHONE_REF.matcher(ref).matches()) {
      // a number never goes into the contact history: only references such as "mobile" or "work"
      throw new IllegalArgumentException("phoneRef must be a reference such as 'mobile' (lower-case letters, digits,"
          + " . _ -; starting with a letter), not a number");
    }
    return ref;
  }

  private void countDeferred(String reason, ContactChannel channel) {
    Counter counter = Counter.builder(DEFERRED_METER)
        .description("Contacts the lawful-contact policy refused or deferred, by reason")
        .tag("reason", reason).tag("channel", channel.name()).register(meters);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          counter.increment();
        }
      });
    } else {
      counter.increment();
    }
  }

  private Instant now() {
    return seconds(clock.instant());
  }

  private static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static void requireText(String field, String value, int maxLength) {
    if (value == null || value.isBlank() || value.length() > maxLength) {
      throw new IllegalArgumentException(field + " is required, at most " + maxLength + " characters");
    }
  }

  /** The loan named in a contact request does not exist. */
  public static class UnknownLoanException extends IllegalArgumentException {
    UnknownLoanException(String loanNumber) {
      super("No loan " + loanNumber);
    }
  }
}
