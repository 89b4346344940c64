package io.creditflow.legal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.common.crypto.Masking;
import io.creditflow.contact.ContactHistoryService;
import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerService;
import io.creditflow.notification.Notification;
import io.creditflow.notification.NotificationService;
import io.creditflow.origination.LoanApplication;
import io.creditflow.origination.LoanApplicationRepository;
import io.creditflow.servicing.Instalment;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.PaymentView;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a case file (JSON) from the ledger, the customer (name; national id masked, no phone or address), the
 * contact history with the policy's decisions (recipients masked), the notices sent about the loan and the credit
 * decision with its reason codes. Stored once per case ({@link LegalCaseFile}): what the lawyer saw.
 */
@Component
public class CaseFileAssembler {

  private final LegalCaseFileRepository files;
  private final LoanQueries loans;
  private final CustomerService customers;
  private final ContactHistoryService contacts;
  private final NotificationService notifications;
  private final LoanApplicationRepository applications;
  private final ObjectMapper json;
  private final Clock clock;

  CaseFileAssembler(LegalCaseFileRepository files, LoanQueries loans, CustomerService customers,
      ContactHistoryService contacts, NotificationService notifications, LoanApplicationRepository applications,
      ObjectMapper json, Clock clock) {
    this.files = files;
    this.loans = loans;
    this.customers = customers;
    this.contacts = contacts;
    this.notifications = notifications;
    this.applications = applications;
    this.json = json;
    this.clock = clock;
  }

  /** Assembles and stores the case file of {@code c}, once (a repeat answers the stored one). */
  @Transactional
  public LegalCaseFile assemble(LegalCase c) {
    Optional<LegalCaseFile> stored = files.findByCaseId(c.getId());
    if (stored.isPresent()) {
      return stored.get();
    }
    Instant now = clock.instant();
    LoanQueries.LoanWithSchedule ledger = loans.loan(c.getLoanNumber()).orElseThrow();
    Loan loan = ledger.loan();
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("caseId", c.getId());
    file.put("loanNumber", c.getLoanNumber());
    file.put("collectionCaseId", c.getCollectionCaseId());
    file.put("assembledAt", OffsetDateTime.ofInstant(now, clock.getZone()).withNano(0).toString());
    file.put("borrower", borrower(loan.getCustomerId()));
    file.put("contract", contract(loan));
    file.put("schedule", ledger.schedule().stream().map(CaseFileAssembler::line).toList());
    file.put("payments", loans.payments(loan.getLoanNumber()).stream().map(CaseFileAssembler::payment).toList());
    ContactHistoryService.LoanContacts history = contacts.of(loan.getLoanNumber());
    file.put("contacts", history.contacts());
    file.put("holds", history.holds());
    file.put("notices", notifications.of("loan", loan.getLoanNumber()).stream().map(CaseFileAssembler::notice)
        .toList());
    file.put("creditDecision", decision(loan.getApplicationId()));
    try {
      return files.saveAndFlush(LegalCaseFile.of(c.getId(), json.writeValueAsString(file), now));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("case file of legal case " + c.getId() + " could not be written", e);
    }
  }

  private Map<String, Object> borrower(String customerId) {
    Customer customer = customers.get(customerId);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("customerId", customerId);
    m.put("fullName", customer.getFullName());
    m.put("nationalId", Masking.nationalId(customer.getNationalId()));
    m.put("dateOfBirth", String.valueOf(customer.getDateOfBirth()));
    return m;
  }

  private static Map<String, Object> contract(Loan loan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("currency", loan.getCurrency());
    m.put("principal", loan.getPrincipal());
    m.put("annualRate", loan.getAnnualRate());
    m.put("termMonths", loan.getTermMonths());
    m.put("interestFreeMonths", loan.getInterestFreeMonths());
    m.put("disbursedOn", loan.getDisbursedOn().toString());
    m.put("firstDueDate", loan.getFirstDueDate().toString());
    m.put("maturityDate", loan.getMaturityDate().toString());
    m.put("status", loan.getStatus().name());
    m.put("outstandingPrincipal", loan.getOutstandingPrincipal());
    m.put("outstandingInterest", loan.getOutstandingInterest());
    m.put("outstandingPenalty", loan.getOutstandingPenalty());
    m.put("balance", loan.getBalance());
    m.put("daysPastDue", loan.getDaysPastDue());
    m.put("scheduleVersion", loan.getScheduleVersion());
    return m;
  }

  private static Map<String, Object> line(Instalment i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sequence", i.getSequenceNumber());
    m.put("dueDate", i.getDueDate().toString());
    m.put("principalDue", i.getPrincipalDue());
    m.put("interestDue", i.getInterestDue());
    m.put("totalDue", i.getTotalDue());
    m.put("principalPaid", i.getPrincipalPaid());
    m.put("interestPaid", i.getInterestPaid());
    m.put("penaltyAccrued", i.getPenaltyAccrued());
    m.put("penaltyPaid", i.getPenaltyPaid());
    m.put("status", i.getStatus().name());
    return m;
  }

  private static Map<String, Object> payment(PaymentView p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("paymentReference", p.paymentReference());
    m.put("amount", p.amount());
    m.put("valueDate", p.valueDate().toString());
    m.put("channel", p.channel().name());
    m.put("receivedAt", p.receivedAt().toString());
    m.put("penaltyPaid", p.penaltyPaid());
    m.put("interestPaid", p.interestPaid());
    m.put("principalPaid", p.principalPaid());
    m.put("prepaidPrincipal", p.prepaidPrincipal());
    m.put("balanceAfter", p.balanceAfter());
    return m;
  }

  private static Map<String, Object> notice(Notification n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("notificationId", n.getId());
    m.put("type", n.getType());
    m.put("channel", n.getChannel().name());
    m.put("template", n.getTemplateKey());
    m.put("status", n.getStatus().name());
    m.put("createdAt", String.valueOf(n.getCreatedAt()));
    m.put("sentAt", n.getSentAt() == null ? null : n.getSentAt().toString());
    return m;
  }

  private Map<String, Object> decision(String applicationId) {
    if (applicationId == null) {
      return null;
    }
    Optional<LoanApplication> found = applications.findById(applicationId)
        .or(() -> applications.findByExternalReference(applicationId));
    if (found.isEmpty()) {
      Map<String, Object> none = new LinkedHashMap<>();
      none.put("applicationId", applicationId);
      none.put("note", "no application on file (booked outside origination)");
      return none;
    }
    LoanApplication a = found.get();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("applicationId", a.getId());
    m.put("outcome", a.getOutcome() == null ? null : a.getOutcome().name());
    m.put("score", a.getScore());
    m.put("maxScore", a.getMaxScore());
    m.put("grade", a.getRiskGrade());
    m.put("debtToIncome", a.getDebtToIncome());
    m.put("decidedAt", a.getDecidedAt() == null ? null : a.getDecidedAt().toString());
    m.put("reasons", a.getReasons());
    m.put("approvedLimit", a.getApprovedLimit());
    m.put("reviewedBy", a.getReviewedBy());
    return m;
  }

}
