package io.creditflow.collection;

import io.creditflow.bureau.BureauReportKind;
import io.creditflow.bureau.BureauReporting;
import io.creditflow.common.web.ConflictException;
import io.creditflow.contact.CallOutcome;
import io.creditflow.contact.ContactChannel;
import io.creditflow.contact.ContactDecision;
import io.creditflow.contact.ContactParty;
import io.creditflow.contact.ContactPolicy;
import io.creditflow.contact.ContactRequest;
import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerRepository;
import io.creditflow.hardship.HardshipReason;
import io.creditflow.hardship.HardshipRequest;
import io.creditflow.hardship.HardshipService;
import io.creditflow.identity.StaffGroups;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationChannel;
import io.creditflow.review.BehaviourScoreService;
import io.creditflow.servicing.CreditLine;
import io.creditflow.servicing.Instalment;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.LoanQueries.LoanWithSchedule;
import io.creditflow.servicing.LoanStatus;
import io.creditflow.servicing.PaymentView;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work of a collection case, for the delegates and listeners of {@code collection}: the strategy's inputs from
 * the ledger, the case record, planning the next step (cured? on hold? promise due? which stage, and when to look
 * again), reminders through the outbox, call decisions through the {@link ContactPolicy}, call outcomes, promises,
 * payments, holds for disputes and payment plans, bureau reports, and the end of the case. The process holds only
 * ids and decision outputs; the ledger is the truth for days past due and amounts, so a message the process missed
 * never leaves it wrong for long: the next plan reads the ledger again.
 *
 * <p>Definitions: <b>overdue</b> = principal, interest and penalty not paid of the lines due on or before the
 * loan's last closed business date; <b>cured</b> = no days past due and nothing overdue (or the loan SETTLED).
 */
@Service
public class CollectionService {

  static final String DECISION_STAGE = "collectionStage";
  static final String PHONE_REF = "mobile";
  /** The place a field visit goes to, as a reference (the address itself is in the servicing system). */
  static final String FIELD_VISIT_REF = "home-address";
  static final Set<String> UNANSWERED = Set.of(CallOutcome.NO_ANSWER.name(), CallOutcome.WRONG_NUMBER.name());
  private static final int[] BUREAU_THRESHOLDS = {30, 60, 90};
  private static final Logger log = LoggerFactory.getLogger(CollectionService.class);
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Inputs of the DMN collectionStrategy. */
  public record Facts(String riskGrade, int behaviourScore, int daysPastDue, BigDecimal overdueAmount,
      int earlierCures) {}

  /** What Task_PlanNextStep decided (see {@link CollectionProcess} for the variables). */
  public record Plan(String nextAction, CollectionStage stage, int daysPastDue, Date nextCheckAt,
      Date promiseCheckAt, String caseOutcome, String callGroup) {}

  /** What Task_CheckCallAllowed decided. */
  public record CallCheck(String decision, Date notBefore, String decisionId, String reason) {}

  /** What the collector entered on the call task. */
  /**
   * What the collector records. {@code contactMethod}: {@code CALL} (default) or, in the senior escalation stage only,
   * {@code FIELD_VISIT} (a visit to the borrower instead of the final call).
   */
  public record CallInput(String outcome, Object promisedDate, Object promisedAmount, Object hardshipReason,
      Object requestedExtensionMonths, Object contactMethod) {

    public CallInput(String outcome, Object promisedDate, Object promisedAmount, Object hardshipReason,
        Object requestedExtensionMonths) {
      this(outcome, promisedDate, promisedAmount, hardshipReason, requestedExtensionMonths, null);
    }
  }

  /** The case as the API shows it. */
  public record CaseView(CollectionCase collectionCase, boolean onHoldNow, List<CollectionAction> actions) {}

  private record Ledger(Loan loan, BigDecimal overdue) {
    boolean cured() {
      return loan.getStatus() == LoanStatus.SETTLED
          || loan.getDaysPastDue() == 0 && overdue.signum() == 0;
    }
  }

  private final CollectionCaseRepository cases;
  private final CollectionActionRepository actions;
  private final LoanQueries loans;
  private final BehaviourScoreService behaviour;
  private final StageTimeline timeline;
  private final ContactPolicy contactPolicy;
  private final BureauReporting bureau;
  private final CollectionNotices notices;
  private final CollectionHolds holds;
  private final HardshipService hardship;
  private final CustomerRepository customers;
  private final CollectionProperties properties;
  private final Clock clock;
  private final EntityManager entities;
  /** The first plan running in {@link #firstPlan} in this thread; none outside it. */
  private final ThreadLocal<FirstPlan> firstPlan = new ThreadLocal<>();

  /** What a first plan read or opened once: the loan's ledger, its case (each null until then). */
  private static final class FirstPlan {
    final String loanNumber;
    LoanWithSchedule ledger;
    CollectionCase opened;

    FirstPlan(String loanNumber) {
      this.loanNumber = loanNumber;
    }
  }

  CollectionService(CollectionCaseRepository cases, CollectionActionRepository actions, LoanQueries loans,
      BehaviourScoreService behaviour, StageTimeline timeline, ContactPolicy contactPolicy, BureauReporting bureau,
      CollectionNotices notices, CollectionHolds holds, HardshipService hardship, CustomerRepository customers,
      CollectionProperties properties, Clock clock, EntityManager entities) {
    this.cases = cases;
    this.actions = actions;
    this.loans = loans;
    this.behaviour = behaviour;
    this.timeline = timeline;
    this.contactPolicy = contactPolicy;
    this.bureau = bureau;
    this.notices = notices;
    this.holds = holds;
    this.hardship = hardship;
    this.customers = customers;
    this.properties = properties;
    this.clock = clock;
    this.entities = entities;
  }

  // ---------------------------------------------------------------------------------------------- opening the case

  /**
   * Runs {@code start}, which takes the new collection of {@code loanNumber} through its first plan (facts, strategy,
   * case, plan, first reminder) in the calling thread and transaction. Inside it the loan and its schedule are read
   * once instead of once for each of the facts, the case, the plan and the reminder, and the case record opened is
   * kept instead of being read again by each later step. The first plan changes neither the loan nor its schedule (it
   * writes the case, its actions, bureau reports and the outbox), so the one read is what the four reads would see.
   * The case is inserted when the caller flushes (close of business step 3 flushes after each case) and updated once
   * there with what the plan changed (Hibernate inserts the state of the moment it was persisted), instead of being
   * inserted at once and updated by each step. Issue 9: in the MariaDB general log of the due-date wave, a new case ran
   * 17.5 statements of its own before and 13.6 after; the four ledger reads were 12 % of step 3 in JFR (eleventh
   * round).
   */
  public void firstPlan(String loanNumber, Runnable start) {
    FirstPlan outer = firstPlan.get();
    firstPlan.set(new FirstPlan(loanNumber));
    try {
      start.run();
    } finally {
      if (outer == null) {
        firstPlan.remove();
      } else {
        firstPlan.set(outer);
      }
    }
  }

  /** Task_GatherFacts: the strategy's inputs, from the ledger as it is now. */
  @Transactional(readOnly = true)
  public Facts facts(String loanNumber) {
    LoanWithSchedule found = loan(loanNumber);
    Loan loan = found.loan();
    CreditLine line = loans.creditLineOnly(loan.getCreditLineId()).orElseThrow(
        () -> new IllegalStateException("No credit line " + loan.getCreditLineId() + " of loan " + loanNumber));
    int score = behaviour.score(line, today()).score();
    return new Facts(line.getRiskGrade().name(), score, loan.getDaysPastDue(), overdue(found),
        (int) cases.countByLoanNumberAndOutcome(loanNumber, CollectionOutcome.CURED));
  }

  /** Task_OpenCase: the case record of this instance (created once; a repeat returns it). */
  @Transactional
  public CollectionCase open(String loanNumber, String processInstanceId, String strategy) {
    FirstPlan first = firstPlanOf(loanNumber);
    // a first plan's process instance is new in this transaction: it has no case yet
    if (first == null) {
      Optional<CollectionCase> existing = cases.findByProcessInstanceId(processInstanceId);
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    Loan loan = loan(loanNumber).loan();
    CollectionCase created = CollectionCase.open(loanNumber, processInstanceId, loan.getCustomerId(),
        loan.getCurrency(), CollectionStrategy.valueOf(strategy), loan.getDaysPastDue(), clock.instant());
    CollectionCase opened;
    if (first != null) {
      opened = cases.save(created);
      first.opened = opened;
    } else {
      opened = cases.saveAndFlush(created);
    }
    record(opened, CollectionActionType.OPENED, null, strategy, null, null);
    log.info("Collection case {} opened for loan {} at {} days past due, strategy {}", opened.getId(), loanNumber,
        loan.getDaysPastDue(), strategy);
    return opened;
  }

  // ---------------------------------------------------------------------------------------------- planning

  /**
   * Task_PlanNextStep: in this order, the case leaves when the loan is cured or closed, goes on hold when the contact
   * policy holds the loan, leaves for a payment plan or dispute the last call asked for; records bureau reports for
   * days past due 30, 60 and 90; judges an open promise (kept: a new cycle; broken: escalation by one stage; not yet
   * due: wait for it); then takes the stage from the DMN collectionStage (raised to the escalation floor) and either
   * acts on it (once per stage and cycle; calls again after an unanswered one, up to the attempts allowed) or waits
   * until the next stage is due.
   */
  @Transactional
  public Plan plan(String processInstanceId) {
    CollectionCase c = load(processInstanceId);
    Instant now = clock.instant();
    Ledger ledger = ledger(c.getLoanNumber());
    Loan loan = ledger.loan();
    int dpd = loan.getDaysPastDue();
    c.observe(dpd);
    if (ledger.cured()) {
      return leave(c, CollectionProcess.LEFT_CURED, dpd);
    }
    if (loan.isClosed() || loan.getStatus() == LoanStatus.IN_LEGAL) {
      record(c, CollectionActionType.CLOSED, null, loan.getStatus().name(), null, null);
      c.end(CollectionOutcome.CLOSED, now);
      return leave(c, CollectionProcess.LEFT_CLOSED, dpd);
    }
    if (contactPolicy.onHold(c.getLoanNumber())) {
      return leave(c, CollectionProcess.LEFT_HOLD, dpd);
    }
    if (c.isOnHold()) {
      c.hold(false);
      record(c, CollectionActionType.RELEASE, null, null, null, null);
    }
    String exit = c.takePendingExit();
    if (exit != null) {
      return leave(c, exit, dpd);
    }
    reportToBureau(c, loan, dpd);
    if (c.hasOpenPromise()) {
      Instant due = promiseCheckAt(c);
      if (paidSince(c.getLoanNumber(), c.getPromisedAt()).compareTo(c.getPromiseAmount()) >= 0) {
        record(c, CollectionActionType.PROMISE_KEPT, null, c.getPromiseAmount().toPlainString(), null, null);
        c.promiseKept();
        c.newCycle();
      } else if (!now.isBefore(due)) {
        record(c, CollectionActionType.PROMISE_BROKEN, null, c.getPromiseAmount().toPlainString(), null, null);
        c.promiseBroken();
      } else {
        return new Plan(CollectionProcess.ACTION_AWAIT_PROMISE, c.getCurrentStage(), dpd, null, Date.from(due), null,
            callGroup(c.getCurrentStage()));
      }
    }
    StageTimeline.Table table = timeline.latest();
    StageTimeline.Row row = table.row(c.getStrategy(), dpd);
    CollectionStage stage = CollectionStage.max(row.stage(), c.getEscalationFloor());
    c.stage(stage);
    if (stage == CollectionStage.LEGAL_HANDOVER) {
      return leave(c, CollectionProcess.LEFT_LEGAL, dpd);
    }
    boolean acted = c.getActedStage() != null && c.getActedStage().ordinal() >= stage.ordinal();
    Instant next = nextStageAt(c, loan, table, row, stage, now);
    if (!acted && stage != CollectionStage.NONE) {
      return act(stage, dpd, next);
    }
    if (stage.isCall() && c.getActedStage() == stage && UNANSWERED.contains(c.getLastCallOutcome())
        && c.getStageAttempts() < properties.maxCallAttempts()) {
      Instant retry = c.getLastCallAt().plus(properties.callRetryAfter());
      if (!now.isBefore(retry)) {
        return act(stage, dpd, next);
      }
      if (retry.isBefore(next)) {
        next = retry;
      }
    }
    return new Plan(CollectionProcess.ACTION_WAIT, stage, dpd, Date.from(next), null, null, callGroup(stage));
  }

  /** Acting on {@code stage}; {@code nextStageAt} also ends a call task not done by then (Event_CallOverdue). */
  private Plan act(CollectionStage stage, int dpd, Instant nextStageAt) {
    String action = switch (stage) {
      case SMS_REMINDER, EMAIL_REMINDER, DEMAND_LETTER -> stage.name();
      case COLLECTOR_CALL, SENIOR_ESCALATION -> CollectionProcess.ACTION_CALL;
      default -> throw new IllegalStateException("no action for stage " + stage);
    };
    return new Plan(action, stage, dpd, Date.from(nextStageAt), null, null, callGroup(stage));
  }

  private Plan leave(CollectionCase c, String why, int dpd) {
    return new Plan(CollectionProcess.ACTION_LEAVE, c.getCurrentStage(), dpd, null, null, why,
        callGroup(c.getCurrentStage()));
  }

  private static String callGroup(CollectionStage stage) {
    return stage == CollectionStage.SENIOR_ESCALATION ? StaffGroups.SENIOR_COLLECTORS : StaffGroups.COLLECTORS;
  }

  /**
   * When the next stage above {@code stage} is due: the close of business moves days past due by one a day, so
   * days past due {@code d} is reached with the close of {@code lastClosedOn + (d - dpd)}, and the case looks at
   * {@code wake-up-time} of the day after. Never now or earlier: then the next day's wake-up time.
   */
  private Instant nextStageAt(CollectionCase c, Loan loan, StageTimeline.Table table, StageTimeline.Row row,
      CollectionStage stage, Instant now) {
    int dpd = loan.getDaysPastDue();
    Integer target = null;
    for (int hops = 0; hops < CollectionStage.values().length && row.nextStageDpd() != null; hops++) {
      int at = row.nextStageDpd();
      row = table.row(c.getStrategy(), at);
      if (CollectionStage.max(row.stage(), c.getEscalationFloor()).ordinal() > stage.ordinal()) {
        target = at;
        break;
      }
    }
    ZoneId zone = clock.getZone();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Instant tomorrow = today.plusDays(1).atTime(properties.wakeUpTime()).atZone(zone).toInstant();
    if (target == null) {
      return tomorrow;
    }
    LocalDate closed = loan.getLastClosedOn() != null ? loan.getLastClosedOn() : today.minusDays(1);
    Instant wake = closed.plusDays(target - dpd + 1L).atTime(properties.wakeUpTime()).atZone(zone).toInstant();
    return wake.isAfter(now) ? wake : tomorrow;
  }

  /** The promise is judged at wake-up time the day after the promised date. */
  private Instant promiseCheckAt(CollectionCase c) {
    return c.getPromiseDate().plusDays(1).atTime(properties.wakeUpTime()).atZone(clock.getZone()).toInstant();
  }

  /** One report per threshold crossed in this case, the highest only (no back-dated lower ones); not on hold. */
  private void reportToBureau(CollectionCase c, Loan loan, int dpd) {
    int highest = 0;
    for (int threshold : BUREAU_THRESHOLDS) {
      if (dpd >= threshold && c.getBureauReportedDpd() < threshold) {
        highest = threshold;
      }
    }
    if (highest == 0) {
      return;
    }
    BureauReportKind kind = BureauReportKind.valueOf("DPD_" + highest);
    LocalDate asOf = loan.getLastClosedOn() != null ? loan.getLastClosedOn() : today();
    String reportId = bureau.report(c.getLoanNumber(), kind, asOf, "collection case " + c.getId());
    c.bureauReported(highest);
    record(c, CollectionActionType.BUREAU_REPORT, null, kind.name(), reportId, null);
  }

  // ---------------------------------------------------------------------------------------------- stage actions

  /** Task_SendReminderSms / Task_SendReminderEmail: the reminder of the current stage, through the outbox. */
  @Transactional
  public Notification sendReminder(String processInstanceId, NotificationChannel channel) {
    CollectionCase c = load(processInstanceId);
    Ledger ledger = ledger(c.getLoanNumber());
    c.acted(c.getCurrentStage());
    Notification notification = notices.reminder(c, channel, ledger.loan().getDaysPastDue(), ledger.overdue());
    record(c, channel == NotificationChannel.SMS ? CollectionActionType.SMS_REMINDER
        : CollectionActionType.EMAIL_REMINDER, channel.name(), null, notification.getId(), null);
    return notification;
  }

  /** Task_SendDemandLetter: the formal demand letter, through the outbox. */
  @Transactional
  public Notification sendDemandLetter(String processInstanceId) {
    CollectionCase c = load(processInstanceId);
    Ledger ledger = ledger(c.getLoanNumber());
    c.acted(c.getCurrentStage());
    Notification notification = notices.demandLetter(c, ledger.loan().getDaysPastDue(), ledger.overdue(),
        ledger.loan().getBalance());
    record(c, CollectionActionType.DEMAND_LETTER, NotificationChannel.LETTER.name(), null, notification.getId(),
        null);
    return notification;
  }

  /**
   * Task_CheckCallAllowed: asks the contact policy (recorded there). Allowed: the call task follows. Refused with a
   * {@code notBefore}: DEFERRED, a timer waits until then and the case plans again. Refused ON_HOLD: the case goes on
   * hold. Refused for good (cease contact, ...): SKIPPED, the stage counts as done and letters and escalation go on.
   */
  @Transactional
  public CallCheck checkCall(String processInstanceId) {
    CollectionCase c = load(processInstanceId);
    Instant now = clock.instant();
    ContactDecision decision = decideCall(c, now);
    if (decision.allowed()) {
      return new CallCheck(CollectionProcess.CALL_ALLOWED, null, decision.decisionId(), decision.reason());
    }
    if (decision.notBefore() != null) {
      Instant notBefore = decision.notBefore().isAfter(now) ? decision.notBefore() : now.plusSeconds(60);
      record(c, CollectionActionType.CALL_DEFERRED, ContactChannel.CALL.name(), decision.reason(),
          decision.decisionId(), null);
      return new CallCheck(CollectionProcess.CALL_DEFERRED, Date.from(notBefore), decision.decisionId(),
          decision.reason());
    }
    if ("ON_HOLD".equals(decision.reason())) {
      return new CallCheck(CollectionProcess.CALL_ON_HOLD, null, decision.decisionId(), decision.reason());
    }
    c.acted(c.getCurrentStage());
    record(c, CollectionActionType.CALL_SKIPPED, ContactChannel.CALL.name(), decision.reason(),
        decision.decisionId(), null);
    return new CallCheck(CollectionProcess.CALL_SKIPPED, null, decision.decisionId(), decision.reason());
  }

  private ContactDecision decideCall(CollectionCase c, Instant now) {
    String purpose = c.getCurrentStage() == CollectionStage.SENIOR_ESCALATION ? "collection.senior-call"
        : "collection.call";
    return contactPolicy.decide(new ContactRequest(c.getLoanNumber(), ContactChannel.CALL, ContactParty.BORROWER,
        purpose, now));
  }

  /** A sentence for the call task: whether a call is allowed now and why not. */
  String describe(ContactDecision decision) {
    if (decision.allowed()) {
      return "Yes";
    }
    return "No (" + decision.reason() + ")" + (decision.notBefore() == null ? ""
        : "; next possible " + LOCAL_TIME.format(decision.notBefore().atZone(clock.getZone())));
  }

  /** Task_CallCustomer on assignment: asks the policy again (recorded) and says whether a call is allowed now. */
  @Transactional
  public Map<String, Object> callAllowedNow(String processInstanceId) {
    CollectionCase c = load(processInstanceId);
    ContactDecision decision = decideCall(c, clock.instant());
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("callAllowedNow", decision.allowed());
    shown.put("callAllowedText", describe(decision));
    return shown;
  }

  /**
   * What Task_CallCustomer shows, as task-local variables while the task is open: customer name (for the call; no
   * national id or contact data), loan, strategy and stage, amounts due, promises and the case's contact history.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> callSummary(String processInstanceId, String allowedReason, String decision,
      Date notBefore) {
    CollectionCase c = load(processInstanceId);
    Ledger ledger = ledger(c.getLoanNumber());
    Loan loan = ledger.loan();
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("customerName", customerName(loan.getCustomerId()));
    shown.put("overdueText", money(c.getCurrency(), ledger.overdue()));
    shown.put("outstandingText", money(c.getCurrency(), loan.getBalance()));
    shown.put("brokenPromises", c.getPromisesBroken());
    shown.put("promiseAllowed", c.getPromisesBroken() < properties.maxBrokenPromises());
    shown.put("promiseText", "made " + c.getPromisesMade() + ", kept " + c.getPromisesKept() + ", broken "
        + c.getPromisesBroken() + (c.getPromisesBroken() < properties.maxBrokenPromises() ? ""
        : " (no further promise accepted)"));
    boolean allowed = CollectionProcess.CALL_ALLOWED.equals(decision);
    shown.put("callAllowedNow", allowed);
    shown.put("callAllowedText", allowed ? "Yes" : "No (" + allowedReason + ")" + (notBefore == null ? ""
        : "; next possible " + LOCAL_TIME.format(notBefore.toInstant().atZone(clock.getZone()))));
    StringBuilder history = new StringBuilder();
    List<CollectionAction> all = actions.findByCaseIdOrderBySequenceNumberAsc(c.getId());
    for (CollectionAction action : all.subList(Math.max(0, all.size() - 15), all.size())) {
      history.append("- ").append(LOCAL_TIME.format(action.getOccurredAt().atZone(clock.getZone()))).append(' ')
          .append(action.getAction()).append(action.getChannel() == null ? "" : " (" + action.getChannel() + ")")
          .append(action.getOutcome() == null ? "" : ": " + action.getOutcome()).append('\n');
    }
    shown.put("contactHistoryText", history.isEmpty() ? "(nothing yet)" : history.toString());
    return shown;
  }

  /**
   * Task_CallCustomer on complete: checks the outcome and its details, refuses it when the contact policy forbids a
   * call now, then records the call (policy and case), a promise (with a confirmation to the customer), or the exit a
   * payment plan or dispute asks for (taken by the next plan). Throws {@link CollectionRuleViolation}; the task then
   * stays open.
   */
  @Transactional
  public CallOutcome completeCall(String processInstanceId, CallInput input, String actor) {
    CollectionCase c = load(processInstanceId);
    CallOutcome outcome = callOutcome(input.outcome());
    LocalDate promisedDate = null;
    BigDecimal promisedAmount = null;
    Instant now = clock.instant();
    if (outcome == CallOutcome.PROMISE_TO_PAY) {
      if (c.getPromisesBroken() >= properties.maxBrokenPromises()) {
        throw new CollectionRuleViolation("No further promise to pay can be accepted: the customer has broken "
            + c.getPromisesBroken() + " promises. Record another outcome.");
      }
      LocalDate today = LocalDate.ofInstant(now, clock.getZone());
      promisedDate = date(input.promisedDate());
      if (promisedDate.isBefore(today) || promisedDate.isAfter(today.plusDays(properties.promiseMaxDays()))) {
        throw new CollectionRuleViolation("promisedDate must be between today (" + today + ") and "
            + today.plusDays(properties.promiseMaxDays()) + ".");
      }
      promisedAmount = amount(input.promisedAmount());
      BigDecimal balance = loan(c.getLoanNumber()).loan().getBalance();
      if (promisedAmount.compareTo(balance) > 0) {
        throw new CollectionRuleViolation("promisedAmount is more than the loan owes (" + balance.toPlainString()
            + ").");
      }
    }
    if (outcome == CallOutcome.PAYMENT_PLAN_REQUEST) {
      hardshipReason(input.hardshipReason());
      extensionMonths(input.requestedExtensionMonths());
    }
    ContactChannel channel = contactMethod(c, input.contactMethod());
    ContactDecision decision = channel == ContactChannel.FIELD_VISIT
        ? contactPolicy.decide(new ContactRequest(c.getLoanNumber(), ContactChannel.FIELD_VISIT,
            ContactParty.BORROWER, "collection.field-visit", now))
        : decideCall(c, now);
    if (!decision.allowed()) {
      throw new CollectionRuleViolation("A " + (channel == ContactChannel.FIELD_VISIT ? "field visit to" : "call to")
          + " this customer is not allowed now: " + describe(decision)
          + ". The outcome cannot be recorded for a contact the contact policy forbids.");
    }
    contactPolicy.recordCall(c.getLoanNumber(), decision.decisionId(), outcome,
        channel == ContactChannel.FIELD_VISIT ? FIELD_VISIT_REF : PHONE_REF, actor, now);
    c.called(c.getCurrentStage(), outcome.name(), now);
    record(c, channel == ContactChannel.FIELD_VISIT ? CollectionActionType.FIELD_VISIT
        : c.getCurrentStage() == CollectionStage.SENIOR_ESCALATION ? CollectionActionType.SENIOR_CALL
        : CollectionActionType.CALL, channel.name(), outcome.name(), decision.decisionId(), actor);
    switch (outcome) {
      case PROMISE_TO_PAY -> {
        c.promise(promisedDate, promisedAmount, now);
        Notification confirmation = notices.promiseConfirmed(c, promisedDate, promisedAmount);
        record(c, CollectionActionType.PROMISE_MADE, null, promisedAmount.toPlainString() + " by " + promisedDate,
            confirmation.getId(), actor);
      }
      case PAYMENT_PLAN_REQUEST -> c.leaveFor(CollectionProcess.LEFT_PAYMENT_PLAN);
      case DISPUTE -> c.leaveFor(CollectionProcess.LEFT_DISPUTE);
      default -> { }
    }
    log.info("Collection case {} (loan {}): call by {} recorded as {}", c.getId(), c.getLoanNumber(), actor, outcome);
    return outcome;
  }

  /** CALL unless a senior collector chose FIELD_VISIT in the senior escalation stage. */
  private static ContactChannel contactMethod(CollectionCase c, Object chosen) {
    if (chosen == null || "".equals(chosen) || ContactChannel.CALL.name().equals(chosen)) {
      return ContactChannel.CALL;
    }
    if (!ContactChannel.FIELD_VISIT.name().equals(chosen)) {
      throw new CollectionRuleViolation("contactMethod must be CALL or FIELD_VISIT.");
    }
    if (c.getCurrentStage() != CollectionStage.SENIOR_ESCALATION) {
      throw new CollectionRuleViolation("A field visit is only for the senior escalation stage.");
    }
    return ContactChannel.FIELD_VISIT;
  }

  // ---------------------------------------------------------------------------------------------- outside the stages

  /**
   * Task_RecordPayment (event sub-process Payment received, non-interrupting): records the payment on a case that waits
   * inside its stages. {@link PaymentEffect#CURED} when nothing is past due; {@link PaymentEffect#REPLAN} (a new cycle)
   * when a promise is open, which the plan judges, or when the stage a new cycle would start at, from the remaining
   * days past due, is not the current stage; otherwise {@link PaymentEffect#RECORDED}: the case goes on where it waits
   * and the stage's contact is not repeated. A timer set for days past due that a payment lowered within the stage
   * comes early and the plan then waits again.
   */
  @Transactional
  public PaymentEffect paymentRecorded(String processInstanceId, String paymentReference, Object amount,
      Integer plannedDaysPastDue) {
    CollectionCase c = load(processInstanceId);
    Ledger ledger = recordPayment(c, paymentReference, amount);
    int dpd = ledger.loan().getDaysPastDue();
    if (ledger.cured()) {
      return PaymentEffect.CURED;
    }
    if (c.hasOpenPromise() || stageOfNewCycle(c, dpd, plannedDaysPastDue) != c.getCurrentStage()) {
      c.newCycle();
      return PaymentEffect.REPLAN;
    }
    return PaymentEffect.RECORDED;
  }

  /**
   * The stage a new cycle would start at: the row of the stage table for {@code dpd}, without the escalation floor
   * (a new cycle drops it). Without a floor, at the days past due of the last plan that is the current stage, and no
   * look-up is needed.
   */
  private CollectionStage stageOfNewCycle(CollectionCase c, int dpd, Integer plannedDaysPastDue) {
    if (c.getEscalationFloor() == null && plannedDaysPastDue != null && plannedDaysPastDue == dpd) {
      return c.getCurrentStage();
    }
    return timeline.latest().row(c.getStrategy(), dpd).stage();
  }

  /** Task_ApplyPayment (on hold): records the payment; true when something is still past due (then a new cycle). */
  @Transactional
  public boolean paymentReceived(String processInstanceId, String paymentReference, Object amount) {
    CollectionCase c = load(processInstanceId);
    if (recordPayment(c, paymentReference, amount).cured()) {
      return false;
    }
    c.newCycle();
    return true;
  }

  /** The payment as a case action, the days past due after it observed; the ledger as the payment left it. */
  private Ledger recordPayment(CollectionCase c, String paymentReference, Object amount) {
    Ledger ledger = ledger(c.getLoanNumber());
    c.observe(ledger.loan().getDaysPastDue());
    record(c, CollectionActionType.PAYMENT, null, amount == null ? null : amount.toString(), paymentReference, null);
    return ledger;
  }

  /**
   * Task_CloseCured: ends the case CURED (once): a kept promise counted, thank-you notice, bureau CURED record. The
   * ledger itself puts a DELINQUENT loan back to ACTIVE when a payment clears the arrears.
   */
  @Transactional
  public void closeCured(String processInstanceId) {
    CollectionCase c = load(processInstanceId);
    if (!c.isOpen()) {
      return;
    }
    if (c.hasOpenPromise()) {
      if (paidSince(c.getLoanNumber(), c.getPromisedAt()).compareTo(c.getPromiseAmount()) >= 0) {
        record(c, CollectionActionType.PROMISE_KEPT, null, c.getPromiseAmount().toPlainString(), null, null);
        c.promiseKept();
      }
    }
    Notification thanks = notices.cured(c);
    String reportId = bureau.report(c.getLoanNumber(), BureauReportKind.CURED, today(), "collection case " + c.getId());
    record(c, CollectionActionType.BUREAU_REPORT, null, BureauReportKind.CURED.name(), reportId, null);
    record(c, CollectionActionType.CURED, null, null, thanks.getId(), null);
    c.end(CollectionOutcome.CURED, clock.instant());
    log.info("Collection case {} (loan {}) cured", c.getId(), c.getLoanNumber());
  }

  /** Task_PrepareLegalHandover: ends the case LEGAL (once) before legalHandover takes over. */
  @Transactional
  public void handOverToLegal(String processInstanceId) {
    CollectionCase c = load(processInstanceId);
    if (!c.isOpen()) {
      return;
    }
    c.stage(CollectionStage.LEGAL_HANDOVER);
    record(c, CollectionActionType.LEGAL_HANDOVER, null, null, null, null);
    c.end(CollectionOutcome.LEGAL, clock.instant());
    log.info("Collection case {} (loan {}) handed over to legal", c.getId(), c.getLoanNumber());
  }

  /** Task_RecordHold: the case is on hold (recorded once per hold). */
  @Transactional
  public void recordHold(String processInstanceId) {
    CollectionCase c = load(processInstanceId);
    if (!c.isOnHold()) {
      c.hold(true);
      record(c, CollectionActionType.HOLD, null, null, null, null);
    }
  }

  /**
   * Task_RequestHardship: starts a hardship assessment for the payment plan the customer asked for (it holds
   * collection until it ends). One already open is fine: it holds collection too.
   */
  @Transactional
  public void requestHardship(String processInstanceId, Object reason, Object months, String requestedBy) {
    CollectionCase c = load(processInstanceId);
    String outcome;
    String reference = null;
    try {
      HardshipRequest request = hardship.request(c.getLoanNumber(), new HardshipService.NewRequest(
          hardshipReason(reason), "Payment plan asked for on a collection call", extensionMonths(months), null),
          requestedBy == null ? CollectionAction.SYSTEM : requestedBy);
      outcome = "REQUESTED";
      reference = request.getId();
    } catch (ConflictException alreadyOpen) {
      outcome = "ALREADY_OPEN";
      log.info("Collection case {}: hardship not requested for loan {}: {}", c.getId(), c.getLoanNumber(),
          alreadyOpen.getMessage());
    }
    record(c, CollectionActionType.HARDSHIP_REQUESTED, null, outcome, reference, requestedBy);
  }

  /** Task_HoldForDispute: holds collection (source {@code dispute:<caseId>}) until the dispute is reviewed. */
  @Transactional
  public void holdForDispute(String processInstanceId) {
    CollectionCase c = load(processInstanceId);
    holds.hold(c.getLoanNumber(), disputeSource(c), "Debt disputed on a collection call");
    record(c, CollectionActionType.DISPUTE, null, null, disputeSource(c), null);
  }

  /** Task_ReleaseDisputeHold: records the finding and releases the dispute's hold. */
  @Transactional
  public void releaseDisputeHold(String processInstanceId, String finding, String reviewer) {
    CollectionCase c = load(processInstanceId);
    holds.release(c.getLoanNumber(), disputeSource(c));
    record(c, CollectionActionType.DISPUTE_REVIEWED, null, finding, disputeSource(c), reviewer);
  }

  private static String disputeSource(CollectionCase c) {
    return "dispute:" + c.getId();
  }

  // ---------------------------------------------------------------------------------------------- reading

  /** The loan's current case, else its last one, with its actions; empty when it never was in collection. */
  @Transactional(readOnly = true)
  public Optional<CaseView> latest(String loanNumber) {
    return cases.findByLoanNumberOrderByStartedAtDescIdDesc(loanNumber).stream().findFirst()
        .map(c -> new CaseView(c, c.isOpen() && contactPolicy.onHold(loanNumber),
            actions.findByCaseIdOrderBySequenceNumberAsc(c.getId())));
  }

  /** The case of a process instance. */
  @Transactional(readOnly = true)
  public CollectionCase caseOf(String processInstanceId) {
    return load(processInstanceId);
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private void record(CollectionCase c, CollectionActionType type, String channel, String outcome, String reference,
      String actor) {
    actions.save(CollectionAction.of(c, type, channel, properties.unitCost(type), outcome, reference, actor,
        clock.instant()));
  }

  private CollectionCase load(String processInstanceId) {
    FirstPlan first = firstPlan.get();
    if (first != null && first.opened != null && first.opened.getProcessInstanceId().equals(processInstanceId)
        && entities.contains(first.opened)) {
      return first.opened;
    }
    return cases.findByProcessInstanceId(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No collection case of process instance " + processInstanceId));
  }

  private LoanWithSchedule loan(String loanNumber) {
    FirstPlan first = firstPlanOf(loanNumber);
    if (first == null) {
      return read(loanNumber);
    }
    if (first.ledger == null) {
      first.ledger = read(loanNumber);
    }
    return first.ledger;
  }

  /** The first plan of {@code loanNumber} running in this thread, or null. */
  private FirstPlan firstPlanOf(String loanNumber) {
    FirstPlan first = firstPlan.get();
    return first != null && first.loanNumber.equals(loanNumber) ? first : null;
  }

  private LoanWithSchedule read(String loanNumber) {
    return loans.loan(loanNumber).orElseThrow(() -> new IllegalStateException("No loan " + loanNumber));
  }

  private Ledger ledger(String loanNumber) {
    LoanWithSchedule found = loan(loanNumber);
    return new Ledger(found.loan(), overdue(found));
  }

  /** Principal, interest and penalty not paid of the lines due on or before the last closed business date. */
  static BigDecimal overdue(LoanWithSchedule found) {
    LocalDate closed = found.loan().getLastClosedOn();
    BigDecimal overdue = BigDecimal.ZERO.setScale(2);
    if (closed == null) {
      return overdue;
    }
    for (Instalment line : found.schedule()) {
      if (!line.getDueDate().isAfter(closed)) {
        overdue = overdue.add(line.arrears()).add(line.penaltyOutstanding());
      }
    }
    return overdue.setScale(2, RoundingMode.HALF_UP);
  }

  private BigDecimal paidSince(String loanNumber, Instant since) {
    BigDecimal paid = BigDecimal.ZERO;
    for (PaymentView payment : loans.payments(loanNumber)) {
      if (since == null || !payment.receivedAt().isBefore(since)) {
        paid = paid.add(payment.amount());
      }
    }
    return paid;
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private String customerName(String customerId) {
    return customers.findById(customerId).map(Customer::getFullName).orElse("(unknown customer)");
  }

  private static String money(String currency, BigDecimal amount) {
    return currency + " " + String.format("%,.2f", amount);
  }

  private static CallOutcome callOutcome(String value) {
    try {
      return CallOutcome.valueOf(value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw new CollectionRuleViolation("callOutcome must be one of PROMISE_TO_PAY, PAYMENT_PLAN_REQUEST, DISPUTE, "
          + "NO_ANSWER, WRONG_NUMBER, REFUSED.");
    }
  }

  private static LocalDate date(Object value) {
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), ZoneId.of("UTC"));
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      } catch (DateTimeParseException e) {
        // falls through
      }
    }
    throw new CollectionRuleViolation("promisedDate is required for a promise to pay (a date, e.g. 2027-02-20).");
  }

  private static BigDecimal amount(Object value) {
    BigDecimal amount;
    try {
      amount = value instanceof Number number ? new BigDecimal(number.toString())
          : value instanceof String text ? new BigDecimal(text.trim()) : null;
    } catch (NumberFormatException e) {
      amount = null;
    }
    if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      throw new CollectionRuleViolation("promisedAmount is required for a promise to pay: more than 0, at most two "
          + "decimals.");
    }
    return amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static HardshipReason hardshipReason(Object value) {
    try {
      return HardshipReason.valueOf(value instanceof String text ? text : "");
    } catch (IllegalArgumentException e) {
      throw new CollectionRuleViolation("hardshipReason is required for a payment plan request: JOB_LOSS, ILLNESS, "
          + "INCOME_DROP, FAMILY_EMERGENCY, NATURAL_DISASTER or OTHER.");
    }
  }

  private static int extensionMonths(Object value) {
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && number.intValue() >= 1 && number.intValue() <= 24) {
      return number.intValue();
    }
    throw new CollectionRuleViolation("requestedExtensionMonths is required for a payment plan request: 1 to 24.");
  }
}
