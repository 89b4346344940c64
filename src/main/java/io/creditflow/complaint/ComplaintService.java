package io.creditflow.complaint;

import io.creditflow.bureau.BureauReportKind;
import io.creditflow.bureau.BureauReporting;
import io.creditflow.collection.CollectionHolds;
import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerService;
import io.creditflow.identity.ProcessKeys;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.LoanQueries.LoanWithSchedule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints: intake (API and Tasklist start form), triage, deadlines, acknowledgement, the collection hold, the
 * reminder, escalation and breach, the CN extension, resolution and remedy, responses, feedback and closing. The
 * description is the customer's own text: stored encrypted, shown to staff on the investigation task, never logged,
 * audited or kept in process variables (a Tasklist start form's field is removed once stored).
 */
@Service
public class ComplaintService {

  private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);
  static final int MAX_DESCRIPTION = 1000;
  static final String SYSTEM = "system";

  /** A complaint as the intake gives it (shape validated by the controller or the start form). */
  public record Intake(String externalReference, String customerNationalId, String loanNumber,
      ComplaintChannel channel, ComplaintCategory category, ComplaintSeverity severity, boolean disputesDebt,
      String description, String preferredLanguage) {}

  /** The result of an intake: the complaint, and whether this call created it. */
  public record Submission(Complaint complaint, boolean created) {}

  /** The investigator's (or second level's) resolution. */
  public record Resolution(ComplaintOutcome outcome, Set<ComplaintRemedy> remedies, BigDecimal refundAmount,
      String note, boolean summary) {}

  private final ComplaintRepository complaints;
  private final ComplaintEventRepository events;
  private final ComplaintTriage triage;
  private final ComplaintDeadlines deadlines;
  private final ComplaintNotices notices;
  private final ComplaintMetrics metrics;
  private final ComplaintProperties properties;
  private final CustomerService customers;
  private final LoanQueries loans;
  private final CollectionHolds collectionHolds;
  private final BureauReporting bureau;
  private final RuntimeService runtime;
  private final AuditTrail audit;
  private final ComplaintContext context;
  private final Clock clock;

  ComplaintService(ComplaintRepository complaints, ComplaintEventRepository events, ComplaintTriage triage,
      ComplaintDeadlines deadlines, ComplaintNotices notices, ComplaintMetrics metrics,
      ComplaintProperties properties, CustomerService customers, LoanQueries loans, CollectionHolds collectionHolds,
      BureauReporting bureau, RuntimeService runtime, AuditTrail audit, ComplaintContext context, Clock clock) {
    this.complaints = complaints;
    this.events = events;
    this.triage = triage;
    this.deadlines = deadlines;
    this.notices = notices;
    this.metrics = metrics;
    this.properties = properties;
    this.customers = customers;
    this.loans = loans;
    this.collectionHolds = collectionHolds;
    this.bureau = bureau;
    this.runtime = runtime;
    this.audit = audit;
    this.context = context;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- intake

  /**
   * Takes a complaint in from a channel and starts {@code complaintResolution} (business key = complaint id).
   * Idempotent by external reference: the same request again returns the stored complaint; a different one under the
   * same reference is a conflict.
   *
   * @throws InvalidRequestException unknown customer or loan, or a loan of another customer
   */
  @Transactional
  public Submission submit(Intake intake, String user) {
    return submit(intake, user, properties.jurisdiction());
  }

  /** {@link #submit(Intake, String)} under a given jurisdiction profile (tests of the other profiles). */
  @Transactional
  Submission submit(Intake intake, String user, Jurisdiction jurisdiction) {
    String hash = hash(intake);
    Optional<Complaint> existing = complaints.findByExternalReference(intake.externalReference());
    if (existing.isPresent()) {
      if (!existing.get().getRequestHash().equals(hash)) {
        throw new ConflictException("External reference " + intake.externalReference()
            + " belongs to another complaint.");
      }
      return new Submission(existing.get(), false);
    }
    Complaint complaint = complaints.saveAndFlush(newComplaint(intake, hash, user, jurisdiction));
    ProcessInstance instance = runtime.startProcessInstanceByKey(ProcessKeys.COMPLAINT_RESOLUTION,
        complaint.getId(), Map.of(ComplaintProcess.COMPLAINT_ID, complaint.getId()));
    complaint.started(instance.getId());
    received(complaint, user);
    return new Submission(complaint, true);
  }

  /**
   * Task_RegisterComplaint for a complaint registered from the Tasklist start form: stores it from the form's
   * values. A complaint started by {@link #submit} is already stored: its id is returned unchanged.
   *
   * @throws ComplaintRuleViolation the form's values are unusable (the start is refused, nothing is stored)
   */
  @Transactional
  public String register(String complaintId, Map<String, Object> form, String user, String processInstanceId) {
    if (complaintId != null) {
      return complaintId;
    }
    Intake intake;
    try {
      intake = new Intake(null, text(form.get(ComplaintProcess.FORM_NATIONAL_ID)),
          text(form.get(ComplaintProcess.LOAN_NUMBER)),
          ComplaintChannel.valueOf(required(form, ComplaintProcess.FORM_CHANNEL)),
          text(form.get(ComplaintProcess.FORM_CATEGORY)) == null ? null
              : ComplaintCategory.valueOf(text(form.get(ComplaintProcess.FORM_CATEGORY))),
          text(form.get(ComplaintProcess.FORM_SEVERITY)) == null ? ComplaintSeverity.MEDIUM
              : ComplaintSeverity.valueOf(text(form.get(ComplaintProcess.FORM_SEVERITY))),
          Boolean.TRUE.equals(form.get(ComplaintProcess.FORM_DISPUTES_DEBT)),
          required(form, ComplaintProcess.FORM_DESCRIPTION),
          text(form.get(ComplaintProcess.FORM_LANGUAGE)) == null ? "zh-CN"
              : text(form.get(ComplaintProcess.FORM_LANGUAGE)));
      if (intake.description().length() > MAX_DESCRIPTION) {
        throw new ComplaintRuleViolation("The description is longer than " + MAX_DESCRIPTION + " characters.");
      }
    } catch (IllegalArgumentException e) {
      throw new ComplaintRuleViolation("Choose a channel, category and severity from the lists.");
    }
    Complaint complaint;
    try {
      complaint = complaints.saveAndFlush(newComplaint(intake, null, user == null ? SYSTEM : user,
          properties.jurisdiction()));
    } catch (InvalidRequestException invalid) {
      throw new ComplaintRuleViolation(invalid.problems().stream().map(FieldProblem::message)
          .reduce((a, b) -> a + " " + b).orElse("Invalid complaint."));
    }
    complaint.started(processInstanceId);
    received(complaint, complaint.getRegisteredBy());
    return complaint.getId();
  }

  private Complaint newComplaint(Intake intake, String hash, String user, Jurisdiction jurisdiction) {
    List<FieldProblem> problems = new ArrayList<>();
    Customer customer = null;
    if (intake.customerNationalId() != null) {
      customer = customers.byNationalId(intake.customerNationalId()).orElse(null);
      if (customer == null) {
        problems.add(new FieldProblem("customerNationalId", "no customer with this national id."));
      }
    }
    String loanNumber = intake.loanNumber();
    if (loanNumber != null) {
      Optional<Loan> loan = loans.loan(loanNumber).map(LoanWithSchedule::loan);
      if (loan.isEmpty()) {
        problems.add(new FieldProblem("loanNumber", "no such loan."));
      } else if (customer != null && !customer.getId().equals(loan.get().getCustomerId())) {
        problems.add(new FieldProblem("loanNumber", "the loan belongs to another customer."));
      } else if (customer == null && problems.isEmpty()) {
        customer = customers.get(loan.get().getCustomerId());
      }
    }
    if (intake.customerNationalId() == null && loanNumber == null) {
      problems.add(new FieldProblem("customerNationalId", "give the customer's national id or a loan number."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return Complaint.receive(intake.externalReference(), hash, customer.getId(), loanNumber, intake.channel(),
        intake.category(), intake.severity(), intake.disputesDebt(), intake.description().strip(),
        intake.preferredLanguage(), jurisdiction, user, clock.instant());
  }

  private void received(Complaint complaint, String user) {
    event(complaint, "RECEIVED", user, "channel " + complaint.getChannel()
        + (complaint.getCategory() == null ? "" : ", category " + complaint.getCategory()));
    audit.record(user, "COMPLAINT_RECEIVED", "complaint", complaint.getId(), "channel " + complaint.getChannel()
        + (complaint.getLoanNumber() == null ? "" : ", loan " + complaint.getLoanNumber()));
    log.info("Complaint {} received from {} by {} (loan {})", complaint.getId(), complaint.getChannel(), user,
        complaint.getLoanNumber());
  }

  /** One complaint. */
  @Transactional(readOnly = true)
  public Complaint get(String complaintId) {
    return complaints.findById(complaintId == null ? "" : complaintId)
        .orElseThrow(() -> new NotFoundException("No complaint " + complaintId + "."));
  }

  /** Its history, oldest first. */
  @Transactional(readOnly = true)
  public List<ComplaintEvent> history(String complaintId) {
    return events.findByComplaintIdOrderBySequenceNumberAsc(complaintId);
  }

  // ---------------------------------------------------------------- triage and deadlines

  /** Task_TriageComplaint: category (given or guessed), DMN triage, deadlines; returns the process variables. */
  @Transactional
  public Map<String, Object> triage(String complaintId) {
    Complaint c = load(complaintId);
    ComplaintTriage.Result result = triage.triage(c.getCategory(), c.getSeverity(), c.isDisputesDebt(),
        c.getDescription());
    boolean hold = result.holdCollection() && c.getLoanNumber() != null;
    c.triaged(result.category(), result.guessed(), result.handlingGroup(), hold);
    c.deadlines(deadlines.of(c.getJurisdiction(), c.getReceivedAt(), false));
    metrics.received(c.getCategory());
    event(c, "TRIAGED", SYSTEM, "category " + c.getCategory() + " (" + c.getCategorySource().toLowerCase()
        + "), severity " + c.getSeverity() + ", group " + c.getHandlingGroup() + ", due " + c.getDueBy()
        + (hold ? ", collection held" : ""));
    Map<String, Object> variables = deadlineVariables(c);
    variables.put(ComplaintProcess.CATEGORY, c.getCategory().name());
    variables.put(ComplaintProcess.HANDLING_GROUP, c.getHandlingGroup());
    variables.put(ComplaintProcess.TASK_PRIORITY, result.taskPriority());
    variables.put(ComplaintProcess.COLLECTION_HOLD, hold);
    variables.put(ComplaintProcess.LOAN_NUMBER, c.getLoanNumber());
    return variables;
  }

  private Map<String, Object> deadlineVariables(Complaint c) {
    ComplaintDeadlines.Deadlines d = deadlines.of(c.getJurisdiction(), c.getReceivedAt(), c.isExtended());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ComplaintProcess.DUE_BY, Date.from(d.dueBy()));
    variables.put(ComplaintProcess.REMINDER_AT, Date.from(d.reminderAt()));
    variables.put(ComplaintProcess.ESCALATION_AT, Date.from(d.escalationAt()));
    // no in-progress response in this jurisdiction: the timer falls on the deadline and sends nothing
    variables.put(ComplaintProcess.IN_PROGRESS_AT, Date.from(d.inProgressBy() == null ? d.dueBy() : d.inProgressBy()));
    variables.put(ComplaintProcess.IN_PROGRESS_NOTICE_REQUIRED, d.inProgressBy() != null);
    return variables;
  }

  /** Task_Acknowledge: the acknowledgement to the customer (outbox; due within the business-day limit). */
  @Transactional
  public void acknowledge(String complaintId) {
    Complaint c = load(complaintId);
    notices.acknowledged(c);
    c.acknowledged(clock.instant());
    event(c, "ACKNOWLEDGED", SYSTEM, "acknowledgement sent, due by " + c.getAcknowledgeBy());
  }

  /** Task_HoldCollection: holds collection of the loan for this complaint. */
  @Transactional
  public void holdCollection(String complaintId) {
    Complaint c = load(complaintId);
    collectionHolds.hold(c.getLoanNumber(), source(c), "complaint " + c.getCategory());
    event(c, "COLLECTION_HELD", SYSTEM, "loan " + c.getLoanNumber());
  }

  static String source(Complaint c) {
    return "complaint:" + c.getId();
  }

  // ---------------------------------------------------------------- investigation timers

  /** The half-time reminder: recorded on the complaint (the open task keeps its due date). */
  @Transactional
  public void remind(String complaintId) {
    Complaint c = load(complaintId);
    c.reminded(clock.instant());
    event(c, "REMINDER", SYSTEM, "half of the time to " + c.getDueBy() + " has passed");
  }

  /** 80 % of the time has passed: recorded; the model opens the escalation task. */
  @Transactional
  public void escalate(String complaintId) {
    Complaint c = load(complaintId);
    c.escalated(clock.instant());
    event(c, "ESCALATED", SYSTEM, "80 % of the time to " + c.getDueBy() + " has passed");
    log.info("Complaint {} escalated to complaint-managers (due {})", c.getId(), c.getDueBy());
  }

  /** The deadline passed without a response: recorded and counted once per deadline; the model escalates. */
  @Transactional
  public void breach(String complaintId) {
    Complaint c = load(complaintId);
    if (c.breached(clock.instant())) {
      metrics.breached(c);
      event(c, "BREACHED", SYSTEM, "no response by " + c.getDueBy());
      audit.record(SYSTEM, "COMPLAINT_DEADLINE_BREACHED", "complaint", c.getId(), "due " + c.getDueBy());
      log.warn("Complaint {} breached its deadline {}", c.getId(), c.getDueBy());
    }
  }

  /** US: no final response after the in-progress period: the customer is told it is in progress. */
  @Transactional
  public void sendInProgress(String complaintId) {
    Complaint c = load(complaintId);
    notices.inProgress(c);
    c.inProgressSent(clock.instant());
    event(c, "IN_PROGRESS_SENT", SYSTEM, "final response due by " + c.getDueBy());
  }

  /** What the investigation and escalation forms show, as task-local variables. */
  @Transactional
  public Map<String, Object> investigationSummary(String complaintId) {
    Complaint c = load(complaintId);
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("complaintText", c.getDescription());
    shown.put("complaintFacts", "Category " + c.getCategory() + " (" + c.getCategorySource().toLowerCase()
        + "), severity " + c.getSeverity() + ", channel " + c.getChannel() + ", received " + c.getReceivedAt()
        + (c.isDisputesDebt() ? ", disputes the debt" : "") + (c.isCollectionHold() ? ", collection on hold" : ""));
    shown.put("deadlineText", "Jurisdiction " + c.getJurisdiction() + ": final response due " + c.getDueBy()
        + (c.isExtended() ? " (extended)" : "")
        + (c.getSummaryBy() == null ? "" : "; summary resolution possible until " + c.getSummaryBy())
        + (c.getInProgressBy() == null ? "" : "; in-progress response due " + c.getInProgressBy())
        + (c.getJurisdiction().extendedFinalResponse() != null && !c.isExtended()
            ? "; complex case: you may ask complaint-managers for an extension" : ""));
    shown.put("loanText", context.loanText(c.getLoanNumber()));
    shown.put("contactText", context.contactText(c.getLoanNumber()));
    return shown;
  }

  // ---------------------------------------------------------------- resolution and extension

  /** Task_Investigate completed with a resolution; a broken rule refuses the completion. */
  @Transactional
  public void resolve(String complaintId, Resolution resolution, String user) {
    Complaint c = load(complaintId);
    validate(resolution);
    if (resolution.summary()) {
      if (c.getSummaryBy() == null) {
        throw new ComplaintRuleViolation("Summary resolution exists only in jurisdiction UK.");
      }
      if (clock.instant().isAfter(c.getSummaryBy())) {
        throw new ComplaintRuleViolation("Summary resolution was possible until " + c.getSummaryBy()
            + "; send a final response.");
      }
    }
    c.resolved(resolution.outcome(), resolution.remedies(), resolution.refundAmount(), resolution.note(),
        resolution.summary(), user, clock.instant());
    event(c, "RESOLVED", user, resolution.outcome() + " " + resolution.remedies()
        + (resolution.summary() ? ", summary resolution" : ""));
  }

  /** Task_Investigate completed asking for the longer deadline (CN, once). */
  @Transactional
  public void requestExtension(String complaintId, String user) {
    Complaint c = load(complaintId);
    if (c.getJurisdiction().extendedFinalResponse() == null) {
      throw new ComplaintRuleViolation("No extension of the deadline in jurisdiction " + c.getJurisdiction() + ".");
    }
    if (c.isExtended()) {
      throw new ComplaintRuleViolation("The deadline has already been extended.");
    }
    c.extensionRequested();
    event(c, "EXTENSION_REQUESTED", user, "by " + user);
  }

  /** Task_ApproveExtension completed by complaint-managers. */
  @Transactional
  public void decideExtension(String complaintId, boolean approved, String user) {
    Complaint c = load(complaintId);
    c.extensionDecided(false);
    event(c, approved ? "EXTENSION_APPROVED" : "EXTENSION_DECLINED", user, "by " + user);
  }

  /** Task_ExtendDeadline: the longer deadline, its reminder and escalation points, and notice to the customer. */
  @Transactional
  public Map<String, Object> extend(String complaintId) {
    Complaint c = load(complaintId);
    c.extensionDecided(true);
    c.deadlines(deadlines.of(c.getJurisdiction(), c.getReceivedAt(), true));
    notices.extended(c);
    event(c, "DEADLINE_EXTENDED", SYSTEM, "final response now due " + c.getDueBy());
    return deadlineVariables(c);
  }

  private static void validate(Resolution resolution) {
    if (resolution.outcome() == null) {
      throw new ComplaintRuleViolation("Choose an outcome: UPHELD, PARTIALLY_UPHELD or REJECTED.");
    }
    boolean refund = resolution.remedies().contains(ComplaintRemedy.REFUND);
    if (refund && (resolution.refundAmount() == null || resolution.refundAmount().signum() <= 0
        || resolution.refundAmount().scale() > 2)) {
      throw new ComplaintRuleViolation("A refund needs an amount above zero with at most two decimals.");
    }
    if (!refund && resolution.refundAmount() != null) {
      throw new ComplaintRuleViolation("A refund amount is given but the refund remedy is not chosen.");
    }
    if (resolution.outcome() == ComplaintOutcome.REJECTED && !resolution.remedies().isEmpty()) {
      throw new ComplaintRuleViolation("A rejected complaint gets no remedy.");
    }
    if (resolution.outcome() != ComplaintOutcome.REJECTED && resolution.remedies().isEmpty()) {
      throw new ComplaintRuleViolation("An upheld complaint needs at least one remedy.");
    }
  }

  /** Task_ApplyRemedy / Task_ApplySecondLevelRemedy: the credit-report correction, once per complaint. */
  @Transactional
  public void applyRemedy(String complaintId) {
    Complaint c = load(complaintId);
    Set<ComplaintRemedy> remedies = c.remedySet();
    if (remedies.contains(ComplaintRemedy.CREDIT_REPORT_CORRECTION) && c.getBureauRecordId() == null) {
      if (c.getLoanNumber() == null) {
        throw new IllegalStateException("Complaint " + c.getId() + ": a credit-report correction needs a loan");
      }
      String record = bureau.report(c.getLoanNumber(), BureauReportKind.CORRECTION,
          clock.instant().atZone(clock.getZone()).toLocalDate(), "complaint " + c.getId());
      c.bureauCorrected(record);
      event(c, "BUREAU_CORRECTION", SYSTEM, "bureau record " + record);
    }
    if (!remedies.isEmpty()) {
      event(c, "REMEDY", SYSTEM, remedies + (c.getRefundAmount() == null ? "" : ", refund "
          + c.getRefundAmount().toPlainString()));
    }
  }

  /** Task_SendFinalResponse: the final response (or UK summary resolution) naming the regulator or ombudsman. */
  @Transactional
  public Date sendFinalResponse(String complaintId) {
    Complaint c = load(complaintId);
    notices.finalResponse(c, currency(c));
    Instant now = clock.instant();
    Instant until = now.plus(properties.feedbackWindow());
    c.responded(now, until);
    metrics.responded(c);
    event(c, c.isSummaryResolution() ? "SUMMARY_RESOLUTION_SENT" : "FINAL_RESPONSE_SENT", SYSTEM,
        c.finalOutcome() + (Boolean.TRUE.equals(c.respondedInTime()) ? ", in time" : ", late")
            + "; feedback until " + until);
    return Date.from(Complaint.seconds(until));
  }

  // ---------------------------------------------------------------- feedback, second level, closing

  /**
   * The customer's feedback on the final response, within the window. Repeating the same feedback is harmless.
   *
   * @throws ConflictException not waiting for feedback (none sent yet, window passed, or other feedback given)
   */
  @Transactional
  public Complaint feedback(String complaintId, boolean satisfied, String comment, String user) {
    Complaint c = get(complaintId);
    if (c.getFeedbackAt() != null) {
      if (c.getFeedbackSatisfied() == satisfied && java.util.Objects.equals(c.getFeedbackComment(), comment)) {
        return c;
      }
      throw new ConflictException("Complaint " + complaintId + " already has the customer's feedback.");
    }
    if (c.getStatus() != ComplaintStatus.RESPONDED || c.getFeedbackUntil() == null) {
      throw new ConflictException("Complaint " + complaintId + " is " + c.getStatus()
          + ": feedback is taken after the final response.");
    }
    if (clock.instant().isAfter(c.getFeedbackUntil())) {
      throw new ConflictException("The feedback window of complaint " + complaintId + " closed at "
          + c.getFeedbackUntil() + ".");
    }
    c.feedback(satisfied, comment, clock.instant());
    event(c, "FEEDBACK", user, satisfied ? "satisfied" : "not satisfied");
    runtime.createMessageCorrelation(ComplaintProcess.MESSAGE_FEEDBACK).processInstanceBusinessKey(c.getId())
        .setVariable(ComplaintProcess.FEEDBACK_SATISFIED, satisfied).correlate();
    return c;
  }

  /** Task_SecondLevelReview completed by complaint-managers. */
  @Transactional
  public void secondLevel(String complaintId, Resolution resolution, String user) {
    Complaint c = load(complaintId);
    validate(resolution);
    c.secondLevel(resolution.outcome(), resolution.remedies(), resolution.refundAmount(), resolution.note(), user,
        clock.instant());
    event(c, "SECOND_LEVEL_DECIDED", user, resolution.outcome() + " " + resolution.remedies());
  }

  /** A manager's note on an escalation or breach task. */
  @Transactional
  public void managerNote(String complaintId, String taskKey, String note, String user) {
    Complaint c = load(complaintId);
    if (note == null || note.isBlank()) {
      throw new ComplaintRuleViolation("Say what was done about it (note).");
    }
    event(c, "MANAGER_NOTE", user, taskKey + ": " + note.strip());
  }

  /** Task_SendSecondLevelResponse: the second level's final response. */
  @Transactional
  public void sendSecondLevelResponse(String complaintId) {
    Complaint c = load(complaintId);
    notices.secondLevelResponse(c, currency(c));
    event(c, "SECOND_LEVEL_RESPONSE_SENT", SYSTEM, c.finalOutcome().name());
  }

  /** Task_CloseComplaint: closed, and the collection hold released. */
  @Transactional
  public void close(String complaintId) {
    Complaint c = load(complaintId);
    if (c.getStatus() == ComplaintStatus.CLOSED) {
      return;
    }
    String reason = c.getSecondLevelOutcome() != null ? "SECOND_LEVEL_RESPONSE"
        : c.getFeedbackAt() == null ? "NO_FEEDBACK" : "CUSTOMER_SATISFIED";
    if (c.isCollectionHold()) {
      boolean free = collectionHolds.release(c.getLoanNumber(), source(c));
      event(c, "COLLECTION_RELEASED", SYSTEM, "loan " + c.getLoanNumber() + (free ? "" : "; other holds remain"));
    }
    c.closed(reason, clock.instant());
    event(c, "CLOSED", SYSTEM, reason);
  }

  // ---------------------------------------------------------------- helpers

  /** Parses the remedy checkboxes of a form. */
  static Set<ComplaintRemedy> remedies(Map<String, Object> values) {
    Set<ComplaintRemedy> remedies = EnumSet.noneOf(ComplaintRemedy.class);
    if (Boolean.TRUE.equals(values.get(ComplaintProcess.REMEDY_REFUND))) {
      remedies.add(ComplaintRemedy.REFUND);
    }
    if (Boolean.TRUE.equals(values.get(ComplaintProcess.REMEDY_FEE_WAIVER))) {
      remedies.add(ComplaintRemedy.FEE_WAIVER);
    }
    if (Boolean.TRUE.equals(values.get(ComplaintProcess.REMEDY_CREDIT_CORRECTION))) {
      remedies.add(ComplaintRemedy.CREDIT_REPORT_CORRECTION);
    }
    if (Boolean.TRUE.equals(values.get(ComplaintProcess.REMEDY_APOLOGY))) {
      remedies.add(ComplaintRemedy.APOLOGY);
    }
    return remedies;
  }

  private String currency(Complaint c) {
    return c.getLoanNumber() == null ? "CNY" : loans.loan(c.getLoanNumber()).map(l -> l.loan().getCurrency())
        .orElse("CNY");
  }

  private void event(Complaint c, String kind, String actor, String detail) {
    events.save(new ComplaintEvent(c.getId(), (int) events.countByComplaintId(c.getId()) + 1, clock.instant(), kind, actor == null ? SYSTEM : actor, detail));
  }

  private Complaint load(String complaintId) {
    return complaints.findById(complaintId)
        .orElseThrow(() -> new IllegalStateException("No complaint " + complaintId));
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static String required(Map<String, Object> form, String key) {
    String value = text(form.get(key));
    if (value == null) {
      throw new ComplaintRuleViolation("Field " + key + " is required.");
    }
    return value;
  }

  private static String hash(Intake intake) {
    String canonical = String.join("\u0001", String.valueOf(intake.customerNationalId()),
        String.valueOf(intake.loanNumber()), String.valueOf(intake.channel()), String.valueOf(intake.category()),
        String.valueOf(intake.severity()), String.valueOf(intake.disputesDebt()), intake.description().strip(),
        intake.preferredLanguage());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
