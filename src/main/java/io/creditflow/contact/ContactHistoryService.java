package io.creditflow.contact;

import io.creditflow.common.crypto.Masking;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerRepository;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationService;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact history of a loan as staff and channels read it ({@code GET /api/loans/{loanNumber}/contacts}): every
 * notification with the policy's decisions about it, every other decision (calls, visits) and every call recorded,
 * newest first; holds and cease-contact requests; and whether a call is allowed now. Recipients are masked; phone
 * numbers and e-mail addresses never appear in full.
 */
@Service
public class ContactHistoryService {

  /** One decision of the policy. */
  public record DecisionView(String decisionId, boolean allowed, String reason, OffsetDateTime notBefore,
      OffsetDateTime decidedFor, OffsetDateTime recordedAt, ContactParty party, PurposeCategory category,
      String jurisdiction) {}

  /**
   * One line of the history. {@code kind} NOTIFICATION: an outbox message ({@code template}, {@code due} = its
   * notBefore, {@code sent}, {@code status}) with the policy's decisions about it, latest first in {@code decisions}
   * and as {@code decision}; CONTACT_DECISION: a decision not about a notification (e.g. a call); CALL: a call attempt
   * or visit that happened.
   */
  public record Entry(String kind, OffsetDateTime at, String channel, String purpose, String recipient,
      String notificationId, String type, String template, String status, OffsetDateTime due, OffsetDateTime sent, Integer attempts,
      DecisionView decision, List<DecisionView> decisions, String outcome, Boolean conversation, String phoneRef,
      String actor, String decisionId) {}

  public record HoldView(String source, String reason, OffsetDateTime heldAt, OffsetDateTime releasedAt,
      boolean active) {}

  public record CeaseView(String requestReference, String note, String requestedBy, OffsetDateTime requestedAt,
      String withdrawnBy, OffsetDateTime withdrawnAt, boolean active) {}

  /** Whether a collector may call now (a {@link ContactPreview}; nothing recorded). */
  public record CallNowView(boolean allowed, String reason, OffsetDateTime notBefore) {}

  /** The whole history of one loan. */
  public record LoanContacts(String loanNumber, boolean onHold, boolean ceaseContact, CallNowView callNow,
      List<HoldView> holds, List<CeaseView> ceaseContactRequests, List<Entry> contacts) {}

  private static final String NOTIFICATION = "NOTIFICATION";
  private static final String DECISION = "CONTACT_DECISION";
  private static final String CALL = "CALL";
  /** Among entries of the same second: what happened later in a contact's life first. */
  private static final Map<String, Integer> SAME_SECOND_ORDER = Map.of(CALL, 0, NOTIFICATION, 1, DECISION, 2);

  private final LoanRepository loans;
  private final CustomerRepository customers;
  private final ContactDecisionRepository decisions;
  private final CallRecordRepository calls;
  private final ContactPolicyService policy;
  private final CeaseContactService ceaseContact;
  private final NotificationService notifications;
  private final ZoneId zone;

  ContactHistoryService(LoanRepository loans, CustomerRepository customers, ContactDecisionRepository decisions,
      CallRecordRepository calls, ContactPolicyService policy, CeaseContactService ceaseContact,
      NotificationService notifications, Clock clock) {
    this.loans = loans;
    this.customers = customers;
    this.decisions = decisions;
    this.calls = calls;
    this.policy = policy;
    this.ceaseContact = ceaseContact;
    this.notifications = notifications;
    this.zone = clock.getZone();
  }

  /**
   * The loan's contact history, newest first.
   *
   * @throws NotFoundException no such loan
   */
  // not read-only: the call preview evaluates DMN, which the engine records in its history
  @Transactional
  public LoanContacts of(String loanNumber) {
    Loan loan = loans.findById(loanNumber).orElseThrow(() -> new NotFoundException("No loan " + loanNumber + "."));
    Map<String, Optional<Customer>> people = new HashMap<>();
    Optional<Customer> borrower = people.computeIfAbsent(loan.getCustomerId(), customers::findById);

    List<Entry> entries = new ArrayList<>();
    Map<String, List<DecisionView>> byNotification = new LinkedHashMap<>();
    for (ContactDecisionEntry decision : decisions.findByLoanNumberOrderByContactAtDescRecordedAtDesc(loanNumber)) {
      DecisionView view = view(decision);
      if (decision.getNotificationId() != null) {
        byNotification.computeIfAbsent(decision.getNotificationId(), id -> new ArrayList<>()).add(view);
      } else {
        String recipient = decision.getParty() == ContactParty.BORROWER
            ? address(borrower, decision.getChannel().name(), decision.getPhoneRef()) : "third party";
        entries.add(new Entry(DECISION, time(decision.getContactAt()), decision.getChannel().name(),
            decision.getPurpose(), recipient, null, null, null, null, null, null, null, view, null, null, null,
            decision.getPhoneRef(), null, decision.getId()));
      }
    }
    for (Notification notification : notifications.of("loan", loanNumber)) {
      List<DecisionView> about = byNotification.getOrDefault(notification.getId(), List.of());
      Optional<Customer> recipient = people.computeIfAbsent(notification.getRecipientRef(), customers::findById);
      entries.add(new Entry(NOTIFICATION, time(notification.getCreatedAt()), notification.getChannel().name(),
          notification.getTemplateKey(), address(recipient, notification.getChannel().name(), null),
          notification.getId(), notification.getType(), notification.getTemplateKey(),
          notification.getStatus().name(),
          time(notification.getNotBefore()), time(notification.getSentAt()), notification.getAttempts(),
          about.isEmpty() ? null : about.get(0), about.isEmpty() ? null : about, null, null, null, null, null));
    }
    for (CallRecord call : calls.findByLoanNumberOrderByCalledAtDesc(loanNumber)) {
      entries.add(new Entry(CALL, time(call.getCalledAt()), call.getChannel().name(), null,
          address(borrower, call.getChannel().name(), call.getPhoneRef()), null, null, null, null, null, null, null, null,
          null, call.getOutcome().name(), call.isConversation(), call.getPhoneRef(), call.getActor(),
          call.getDecisionId()));
    }
    entries.sort(Comparator.comparing(Entry::at, Comparator.reverseOrder())
        .thenComparing(entry -> SAME_SECOND_ORDER.get(entry.kind()))
        .thenComparing(entry -> entry.decisionId() != null ? entry.decisionId() : entry.notificationId(),
            Comparator.nullsLast(Comparator.naturalOrder())));

    List<HoldView> holds = policy.holds(loanNumber).stream()
        .map(hold -> new HoldView(hold.getSource(), hold.getReason(), time(hold.getHeldAt()),
            time(hold.getReleasedAt()), hold.isActive()))
        .toList();
    List<CeaseView> cease = ceaseContact.of(loanNumber).stream().map(this::view).toList();
    ContactPreview callNow = policy.callAllowedNow(loanNumber);
    return new LoanContacts(loanNumber, holds.stream().anyMatch(HoldView::active),
        cease.stream().anyMatch(CeaseView::active),
        new CallNowView(callNow.allowed(), callNow.reason(), time(callNow.notBefore())), holds, cease, entries);
  }

  CeaseView view(CeaseContactRequest request) {
    return new CeaseView(request.getRequestReference(), request.getNote(), request.getRequestedBy(),
        time(request.getRequestedAt()), request.getWithdrawnBy(), time(request.getWithdrawnAt()), request.isActive());
  }

  private DecisionView view(ContactDecisionEntry decision) {
    return new DecisionView(decision.getId(), decision.isAllowed(), decision.getReason(),
        time(decision.getNotBefore()), time(decision.getContactAt()), time(decision.getRecordedAt()),
        decision.getParty(), decision.getCategory(), decision.getJurisdiction());
  }

  /** The masked address a channel reaches; null where none is kept (letters, visits) or the number is not ours. */
  private static String address(Optional<Customer> customer, String channel, String phoneRef) {
    if (customer.isEmpty()) {
      return null;
    }
    return switch (channel) {
      case "SMS", "APP_PUSH" -> Masking.mobile(customer.get().getMobile());
      case "CALL" -> phoneRef == null || "mobile".equals(phoneRef) ? Masking.mobile(customer.get().getMobile()) : null;
      case "EMAIL" -> Masking.email(customer.get().getEmail());
      default -> null;
    };
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
