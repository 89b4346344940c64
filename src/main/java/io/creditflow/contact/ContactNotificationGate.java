package io.creditflow.contact;

import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationGate;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact policy in front of the outbox. A notification about a loan ({@code subjectType} "loan") is decided with
 * its channel, purpose = template key, and party = borrower when the recipient is the loan's customer (anyone else is
 * a third party and refused). The decision is recorded with the notification id, so a notification deferred and later
 * allowed counts once towards the caps. A refusal defers it to the policy's next allowed instant or, when that is not
 * known (hold, cease-contact, third party), by {@code creditflow.contact.hold-recheck-interval}.
 *
 * <p>Notifications about anything else (applications, credit lines, hardship requests) are not collection contact
 * about a loan and go at once.
 */
@Component
class ContactNotificationGate implements NotificationGate {

  static final String LOAN_SUBJECT = "loan";

  private final ContactPolicyService policy;
  private final LoanRepository loans;
  private final ContactProperties properties;

  ContactNotificationGate(ContactPolicyService policy, LoanRepository loans, ContactProperties properties) {
    this.policy = policy;
    this.loans = loans;
    this.properties = properties;
  }

  @Override
  @Transactional
  public Verdict check(Notification notification, Instant now) {
    if (!LOAN_SUBJECT.equals(notification.getSubjectType())) {
      return Verdict.allow();
    }
    Loan loan = loans.findById(notification.getSubjectId()).orElseThrow(() -> new IllegalStateException(
        "Notification " + notification.getId() + " is about loan " + notification.getSubjectId()
            + ", which does not exist"));
    ContactParty party = loan.getCustomerId().equals(notification.getRecipientRef())
        ? ContactParty.BORROWER : ContactParty.THIRD_PARTY;
    ContactDecision decision = policy.decide(new ContactRequest(loan.getLoanNumber(),
        ContactChannel.valueOf(notification.getChannel().name()), party, notification.getTemplateKey(), now),
        null, notification.getId());
    if (decision.allowed()) {
      return Verdict.allow();
    }
    Instant until = decision.notBefore() != null && decision.notBefore().isAfter(now) ? decision.notBefore()
        : now.plus(properties.holdRecheckInterval()).truncatedTo(ChronoUnit.SECONDS);
    return Verdict.defer(until, decision.reason());
  }
}
