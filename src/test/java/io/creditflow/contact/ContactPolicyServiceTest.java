package io.creditflow.contact;

import static io.creditflow.contact.ContactFixture.LONDON;
import static io.creditflow.contact.ContactFixture.local;
import static io.creditflow.contact.ContactFixture.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.customer.CustomerService;
import io.creditflow.servicing.DisbursementService;
import io.creditflow.support.CreditFlowWebTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The contact policy on the real DMN tables and database: quiet hours, caps, holds, cease-contact, third parties. */
@CreditFlowWebTest
class ContactPolicyServiceTest {

  private static final String COLLECTION_SMS = "collection.dpd1-sms";

  @Autowired ContactPolicyService policy;
  @Autowired CeaseContactService ceaseContact;
  @Autowired DisbursementService disbursements;
  @Autowired CustomerService customers;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;
  @Autowired PlatformTransactionManager transactionManager;

  ContactFixture.Booked booked;
  String loan;

  @BeforeEach
  void aLoan() {
    booked = ContactFixture.loan(disbursements, customers);
    loan = booked.loanNumber();
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private ContactRequest request(ContactChannel channel, String purpose, Instant at) {
    return new ContactRequest(loan, channel, ContactParty.BORROWER, purpose, at);
  }

  private ContactDecision sms(Instant at) {
    return policy.decide(request(ContactChannel.SMS, COLLECTION_SMS, at));
  }

  /** A decision as the outbox gate asks it, about notification {@code notificationId} (of this test's loan). */
  private ContactDecision outbox(ContactChannel channel, String purpose, String notificationId, Instant at) {
    return policy.decide(request(channel, purpose, at), null, loan + ":" + notificationId);
  }

  private ContactDecision call(Instant at) {
    return policy.decide(request(ContactChannel.CALL, ContactPolicyService.COLLECTION_CALL, at));
  }

  /** A call decided and made at {@code at} with {@code outcome} on {@code phoneRef}. */
  private void called(Instant at, CallOutcome outcome, String phoneRef) {
    ContactDecision decision = policy.decide(request(ContactChannel.CALL, ContactPolicyService.COLLECTION_CALL, at),
        phoneRef, null);
    assertThat(decision.allowed()).as("call at %s: %s", at, decision.reason()).isTrue();
    policy.recordCall(loan, decision.decisionId(), outcome, phoneRef, "collector", at);
  }

  private long decisionsRecorded() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cf_contact_decision WHERE loan_number = ?", Long.class, loan);
  }

  @Test
  void anSmsDueAt23LocalIsDeferredTo08NextMorningAndRecorded() {
    ContactDecision decision = sms(shanghai("2027-03-02T23:00:00"));

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo("QUIET_HOURS");
    assertThat(decision.notBefore()).isEqualTo(shanghai("2027-03-03T08:00:00"));
    assertThat(jdbc.queryForObject("SELECT reason FROM cf_contact_decision WHERE id = ?", String.class,
        decision.decisionId())).isEqualTo("QUIET_HOURS");
    assertThat(sms(shanghai("2027-03-03T08:00:00")).allowed()).isTrue();
  }

  @Test
  void lettersAndEmailsAreNotHeldBackByQuietHours() {
    assertThat(policy.decide(request(ContactChannel.LETTER, "collection.formal-demand",
        shanghai("2027-03-02T23:30:00"))).allowed()).isTrue();
    assertThat(policy.decide(request(ContactChannel.EMAIL, "collection.dpd3-email",
        shanghai("2027-03-02T23:30:00"))).allowed()).isTrue();
    ContactDecision visit = policy.decide(request(ContactChannel.FIELD_VISIT, "collection.field-visit",
        shanghai("2027-03-02T06:30:00")));
    assertThat(visit.reason()).isEqualTo("QUIET_HOURS");
    assertThat(visit.notBefore()).isEqualTo(shanghai("2027-03-02T08:00:00"));
  }

  @Test
  void theJurisdictionProfileChoosesTheQuietHours() {
    ContactPolicyService cn = policy.withProperties(ContactProperties.defaults().withJurisdiction("CN"));
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);

    // 21:30: quiet by default (21:00-08:00), not in CN (22:00-08:00)
    assertThat(sms(shanghai("2027-03-02T21:30:00")).reason()).isEqualTo("QUIET_HOURS");
    ContactDecision cnAt2130 = transaction.execute(status -> cn.decide(request(ContactChannel.APP_PUSH,
        COLLECTION_SMS, shanghai("2027-03-02T21:30:00"))));
    assertThat(cnAt2130.allowed()).isTrue();
    // 22:30: quiet in both
    ContactDecision cnAt2230 = transaction.execute(status -> cn.decide(request(ContactChannel.APP_PUSH,
        COLLECTION_SMS, shanghai("2027-03-02T22:30:00"))));
    assertThat(cnAt2230.reason()).isEqualTo("QUIET_HOURS");
    assertThat(cnAt2230.notBefore()).isEqualTo(shanghai("2027-03-03T08:00:00"));
    assertThat(jdbc.queryForObject("SELECT jurisdiction FROM cf_contact_decision WHERE id = ?", String.class,
        cnAt2230.decisionId())).isEqualTo("CN");
  }

  @Test
  void theEighthCallAttemptInSevenDaysIsRefusedUntilTheWindowFrees() {
    for (int day = 2; day <= 8; day++) {
      called(shanghai("2027-03-0" + day + "T10:00:00"), CallOutcome.NO_ANSWER, "mobile");
    }

    ContactDecision eighth = call(shanghai("2027-03-08T15:00:00"));

    assertThat(eighth.allowed()).isFalse();
    assertThat(eighth.reason()).isEqualTo("CALL_WEEKLY_CAP");
    // the attempt of 2 March 10:00 leaves the rolling window at 9 March 10:00
    assertThat(eighth.notBefore()).isEqualTo(shanghai("2027-03-09T10:00:00"));
    assertThat(call(shanghai("2027-03-09T10:00:00")).allowed()).isTrue();
  }

  @Test
  void noCallWithinSevenDaysAfterAConversation() {
    called(shanghai("2027-03-02T10:00:00"), CallOutcome.PROMISE_TO_PAY, "mobile");

    ContactDecision again = call(shanghai("2027-03-05T10:00:00"));

    assertThat(again.reason()).isEqualTo("CALL_AFTER_CONVERSATION");
    assertThat(again.notBefore()).isEqualTo(shanghai("2027-03-09T10:00:00"));
    assertThat(call(shanghai("2027-03-09T09:59:59")).allowed()).isFalse();
    assertThat(call(shanghai("2027-03-09T10:00:00")).allowed()).isTrue();
    // an SMS is not a call: the conversation pause does not hold it back
    assertThat(sms(shanghai("2027-03-05T10:00:00")).allowed()).isTrue();
  }

  @Test
  void theSeventhUnansweredDialOfANumberInADayIsRefusedAnotherNumberIsNot() {
    for (int hour = 9; hour <= 14; hour++) {
      called(shanghai(String.format("2027-03-02T%02d:00:00", hour)), CallOutcome.NO_ANSWER, "mobile");
    }

    ContactDecision seventh = policy.decide(request(ContactChannel.CALL, ContactPolicyService.COLLECTION_CALL,
        shanghai("2027-03-02T15:00:00")), "mobile", null);

    assertThat(seventh.reason()).isEqualTo("UNANSWERED_DAILY_CAP");
    // the next local day, after its quiet hours
    assertThat(seventh.notBefore()).isEqualTo(shanghai("2027-03-03T08:00:00"));
    assertThat(policy.decide(request(ContactChannel.CALL, ContactPolicyService.COLLECTION_CALL,
        shanghai("2027-03-02T15:00:00")), "work", null).allowed()).isTrue();
  }

  @Test
  void aSecondSmsTheSameLocalDayIsDeferredToTheNextDayAndEmailsHaveTheirOwnCap() {
    assertThat(outbox(ContactChannel.SMS, COLLECTION_SMS, "N-1", shanghai("2027-03-02T10:00:00")).allowed()).isTrue();

    ContactDecision second = outbox(ContactChannel.SMS, COLLECTION_SMS, "N-2", shanghai("2027-03-02T11:00:00"));

    assertThat(second.reason()).isEqualTo("SMS_DAILY_CAP");
    assertThat(second.notBefore()).isEqualTo(shanghai("2027-03-03T08:00:00"));
    assertThat(outbox(ContactChannel.EMAIL, "collection.dpd3-email", "N-3", shanghai("2027-03-02T11:00:00"))
        .allowed()).isTrue();
    ContactDecision secondEmail = outbox(ContactChannel.EMAIL, "collection.dpd3-email", "N-4",
        shanghai("2027-03-02T23:00:00"));
    assertThat(secondEmail.reason()).isEqualTo("EMAIL_DAILY_CAP");
    // e-mails do not interrupt: the next local day starts at midnight
    assertThat(secondEmail.notBefore()).isEqualTo(shanghai("2027-03-03T00:00:00"));
    // regulatory notices are not capped
    assertThat(outbox(ContactChannel.SMS, "servicing.loan-settled", "N-5", shanghai("2027-03-02T12:00:00"))
        .allowed()).isTrue();
    // a check without a notification (a process asking before it enqueues) is told the truth but uses up nothing
    assertThat(sms(shanghai("2027-03-02T12:00:00")).reason()).isEqualTo("SMS_DAILY_CAP");
    assertThat(sms(shanghai("2027-03-03T09:00:00")).allowed()).isTrue();
    assertThat(outbox(ContactChannel.SMS, COLLECTION_SMS, "N-2", shanghai("2027-03-03T09:00:00")).allowed()).isTrue();
  }

  @Test
  void nothingGoesOnHoldUntilEverySourceReleasedIt() {
    Instant at = shanghai("2027-03-02T10:00:00");
    policy.hold(loan, "complaint:CMP-1", "Customer complaint", at);
    policy.hold(loan, "complaint:CMP-1", "Customer complaint", at); // idempotent
    policy.hold(loan, "hardship:HR-1", "Hardship assessment", at);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_contact_hold WHERE loan_number = ?", Long.class, loan))
        .isEqualTo(2);

    ContactDecision held = sms(at);
    assertThat(held.allowed()).isFalse();
    assertThat(held.reason()).isEqualTo("ON_HOLD");
    assertThat(held.notBefore()).isNull();
    assertThat(call(at).reason()).isEqualTo("ON_HOLD");
    // a notice the lender must give still goes
    assertThat(policy.decide(request(ContactChannel.SMS, "servicing.loan-settled", at)).allowed()).isTrue();

    assertThat(policy.release(loan, "complaint:CMP-1", at)).isFalse();
    assertThat(policy.release(loan, "complaint:CMP-1", at)).isFalse(); // idempotent
    assertThat(policy.onHold(loan)).isTrue();
    assertThat(call(at.plusSeconds(60)).reason()).isEqualTo("ON_HOLD");

    assertThat(policy.release(loan, "hardship:HR-1", at)).isTrue();
    assertThat(policy.onHold(loan)).isFalse();
    assertThat(call(at.plusSeconds(120)).allowed()).isTrue();
  }

  @Test
  void aCeaseContactRequestStopsCollectionButNotRegulatoryNoticesUntilWithdrawn() {
    Instant at = shanghai("2027-03-02T10:00:00");
    ceaseContact.request(loan, "CEASE-" + loan, "Please stop calling me", "channel");

    ContactDecision refused = call(at);
    assertThat(refused.reason()).isEqualTo("CEASE_CONTACT");
    assertThat(refused.notBefore()).isNull();
    assertThat(policy.decide(request(ContactChannel.SMS, "servicing.payment-reminder", at)).reason())
        .isEqualTo("CEASE_CONTACT");
    assertThat(policy.decide(request(ContactChannel.SMS, "servicing.loan-recalled", at)).allowed()).isTrue();

    ceaseContact.withdraw(loan, "CEASE-" + loan, "channel");
    assertThat(call(at.plusSeconds(60)).allowed()).isTrue();
  }

  @Test
  void anyoneButTheBorrowerIsRefused() {
    ContactDecision decision = policy.decide(new ContactRequest(loan, ContactChannel.CALL, ContactParty.THIRD_PARTY,
        ContactPolicyService.COLLECTION_CALL, shanghai("2027-03-02T10:00:00")));

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.reason()).isEqualTo("THIRD_PARTY");
    assertThat(decision.notBefore()).isNull();
    // even a regulatory notice
    assertThat(policy.decide(new ContactRequest(loan, ContactChannel.LETTER, ContactParty.THIRD_PARTY,
        "servicing.loan-settled", shanghai("2027-03-02T10:00:00"))).reason()).isEqualTo("THIRD_PARTY");
  }

  @Test
  void quietHoursFollowTheCustomersOwnTimeZone() {
    ContactFixture.Booked london = ContactFixture.loan(disbursements, customers);
    ContactFixture.timeZone(jdbc, london.customerId(), LONDON);
    Instant lateInShanghai = shanghai("2027-03-02T22:00:00"); // 14:00 in London

    assertThat(sms(lateInShanghai).reason()).isEqualTo("QUIET_HOURS");
    assertThat(policy.decide(new ContactRequest(london.loanNumber(), ContactChannel.SMS, ContactParty.BORROWER,
        COLLECTION_SMS, lateInShanghai)).allowed()).isTrue();

    ContactDecision lateInLondon = policy.decide(new ContactRequest(london.loanNumber(), ContactChannel.CALL,
        ContactParty.BORROWER, ContactPolicyService.COLLECTION_CALL, local("2027-03-02T23:00:00", LONDON)));
    assertThat(lateInLondon.reason()).isEqualTo("QUIET_HOURS");
    assertThat(lateInLondon.notBefore()).isEqualTo(local("2027-03-03T08:00:00", LONDON));
  }

  @Test
  void aCallOutcomeNeedsADecisionThatAllowedTheCallAndIsRecordedOnce() {
    ContactDecision refused = call(shanghai("2027-03-02T23:00:00"));
    assertThatThrownBy(() -> policy.recordCall(loan, refused.decisionId(), CallOutcome.NO_ANSWER, "mobile",
        "collector", shanghai("2027-03-02T23:00:00")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("QUIET_HOURS");
    assertThatThrownBy(() -> policy.recordCall(loan, "no-such-decision", CallOutcome.NO_ANSWER, "mobile",
        "collector", shanghai("2027-03-02T23:00:00"))).isInstanceOf(IllegalArgumentException.class);

    ContactDecision allowed = call(shanghai("2027-03-02T10:00:00"));
    assertThatThrownBy(() -> policy.recordCall(loan, allowed.decisionId(), CallOutcome.NO_ANSWER, "+8613912345678",
        "collector", shanghai("2027-03-02T10:00:00"))).isInstanceOf(IllegalArgumentException.class);
    policy.recordCall(loan, allowed.decisionId(), CallOutcome.NO_ANSWER, "mobile", "collector",
        shanghai("2027-03-02T10:00:00"));
    policy.recordCall(loan, allowed.decisionId(), CallOutcome.NO_ANSWER, "mobile", "collector",
        shanghai("2027-03-02T10:00:00"));
    assertThatThrownBy(() -> policy.recordCall(loan, allowed.decisionId(), CallOutcome.PROMISE_TO_PAY, "mobile",
        "collector", shanghai("2027-03-02T10:00:00"))).isInstanceOf(IllegalStateException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cf_contact_call WHERE loan_number = ?", Long.class, loan))
        .isEqualTo(1);
  }

  @Test
  void thePreviewRecordsNothingAndDeferralsAreCountedByReason() {
    ContactFixture.clock(shanghai("2027-03-02T23:15:00"));
    long before = decisionsRecorded();

    ContactPreview preview = policy.callAllowedNow(loan);

    assertThat(preview.allowed()).isFalse();
    assertThat(preview.reason()).isEqualTo("QUIET_HOURS");
    assertThat(preview.notBefore()).isEqualTo(shanghai("2027-03-03T08:00:00"));
    assertThat(decisionsRecorded()).isEqualTo(before);

    double counted = deferred("QUIET_HOURS", "SMS");
    sms(shanghai("2027-03-02T23:15:00"));
    assertThat(deferred("QUIET_HOURS", "SMS")).isEqualTo(counted + 1);
    ContactFixture.clock(shanghai("2027-03-03T09:00:00"));
    assertThat(policy.callAllowedNow(loan)).isEqualTo(new ContactPreview(true, "ALLOWED", null));
  }

  @Test
  void anUnknownLoanIsAnError() {
    assertThatThrownBy(() -> policy.decide(new ContactRequest("LN-NOPE", ContactChannel.SMS, ContactParty.BORROWER,
        COLLECTION_SMS, Instant.now()))).isInstanceOf(ContactPolicyService.UnknownLoanException.class);
  }

  private double deferred(String reason, String channel) {
    Counter counter = meters.find(ContactPolicyService.DEFERRED_METER).tag("reason", reason).tag("channel", channel)
        .counter();
    return counter == null ? 0 : counter.count();
  }
}
