package io.creditflow.origination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.customer.Customer;
import io.creditflow.customer.CustomerService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The channels' side of origination: submit an application (idempotent by external reference), read it, answer an
 * offer, hand in requested documents. Commands that reach a waiting process correlate a message in the same
 * transaction as the state change and are retried when a concurrent step of the same process wins the race.
 */
@Service
public class ApplicationService {

  static final String PROCESS_KEY = "loanOrigination";
  static final String MESSAGE_OFFER_ANSWERED = "OfferAnswered";
  static final String MESSAGE_DOCUMENTS_RECEIVED = "DocumentsReceived";
  private static final int ATTEMPTS = 3;

  /** What the channel sent (validated for shape by Bean Validation in the controller). */
  public record NewApplication(String externalReference, Channel channel, String campaignCode, Applicant applicant,
      BigDecimal requestedAmount, Integer termMonths, LoanPurpose purpose) {}

  public record Applicant(String nationalId, String fullName, LocalDate dateOfBirth, String mobile, String email,
      BigDecimal monthlyIncome, Integer employmentMonths, BigDecimal monthlyDebtPayments, Integer dependants,
      String preferredLanguage) {}

  public record Document(String type, String reference) {}

  /** The application and whether this call created it. */
  public record Submission(LoanApplication application, boolean created) {}

  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .build();

  private final LoanApplicationRepository applications;
  private final ApplicationDocumentRepository documents;
  private final CustomerService customers;
  private final RuntimeService runtime;
  private final OriginationProperties product;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public ApplicationService(LoanApplicationRepository applications, ApplicationDocumentRepository documents,
      CustomerService customers, RuntimeService runtime, OriginationProperties product, AuditTrail audit,
      TransactionTemplate transactions, Clock clock) {
    this.applications = applications;
    this.documents = documents;
    this.customers = customers;
    this.runtime = runtime;
    this.product = product;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Stores the application and starts its process, or returns the application already stored under the same
   * external reference when the body is the same; a different body under the same reference is a conflict.
   */
  public Submission submit(NewApplication request, String submittedBy) {
    List<FieldProblem> problems = productRules(request);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String fingerprint = fingerprint(request);
    for (int attempt = 1; ; attempt++) {
      try {
        // the application already stored under this reference, or a new one, in one transaction
        return transactions.execute(status -> applications.findByExternalReference(request.externalReference())
            .map(found -> same(found, fingerprint))
            .orElseGet(() -> create(request, fingerprint, submittedBy)));
      } catch (DataIntegrityViolationException raced) {
        // Either a concurrent call with the same external reference committed first (answer with that one), or a
        // concurrent first application of the same new customer created the customer first (try again: it exists).
        Submission winner = transactions.execute(status -> applications.findByExternalReference(
            request.externalReference()).map(found -> same(found, fingerprint)).orElse(null));
        if (winner != null) {
          return winner;
        }
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  private Submission same(LoanApplication found, String fingerprint) {
    if (!found.getRequestFingerprint().equals(fingerprint)) {
      throw new ConflictException("External reference " + found.getExternalReference()
          + " was already used for a different application.");
    }
    return new Submission(found, false);
  }

  private Submission create(NewApplication request, String fingerprint, String submittedBy) {
    Applicant applicant = request.applicant();
    Customer customer = customers.register(new CustomerService.PersonalDetails(applicant.nationalId(),
        applicant.fullName().strip(), applicant.dateOfBirth(), applicant.mobile(), applicant.email().strip(),
        applicant.preferredLanguage() == null ? "zh-CN" : applicant.preferredLanguage()));
    Instant now = now();
    LoanApplication application = applications.saveAndFlush(new LoanApplication(new LoanApplication.Request(
        request.externalReference(), fingerprint, request.channel(), request.campaignCode(), customer.getId(),
        applicant.monthlyIncome(), applicant.employmentMonths(), applicant.monthlyDebtPayments(),
        applicant.dependants(), age(applicant.dateOfBirth()), request.requestedAmount(), request.termMonths(),
        request.purpose(), product.currency()), now));
    String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, application.getId(),
        Variables.createVariables().putValue("applicationId", application.getId())).getId();
    application.attachProcess(processInstanceId);
    audit.record(submittedBy, "APPLICATION_SUBMITTED", "application", application.getId(),
        request.channel() + " " + request.externalReference());
    return new Submission(application, true);
  }

  public LoanApplication get(String applicationId) {
    return transactions.execute(status -> find(applicationId));
  }

  public List<ApplicationDocument> documentsOf(String applicationId) {
    return transactions.execute(status -> documents.findByApplicationIdOrderByReceivedAtAsc(applicationId));
  }

  /** The customer's answer to an offer. Repeating the same answer is harmless; a different one is a conflict. */
  public LoanApplication answerOffer(String applicationId, boolean accepted, String answeredBy) {
    return retrying(() -> {
      LoanApplication application = find(applicationId);
      ApplicationStatus status = application.getStatus();
      if (status == ApplicationStatus.OFFERED) {
        application.answer(accepted, now());
        runtime.createMessageCorrelation(MESSAGE_OFFER_ANSWERED)
            .processInstanceBusinessKey(applicationId)
            .setVariable("offerAccepted", accepted)
            .correlate();
        audit.record(answeredBy, accepted ? "OFFER_ACCEPTED" : "OFFER_REJECTED", "application", applicationId, null);
        return application;
      }
      boolean alreadyAccepted = status == ApplicationStatus.ACCEPTED || status == ApplicationStatus.DISBURSED;
      boolean alreadyRejected = status == ApplicationStatus.CANCELLED && "OFFER_REJECTED".equals(
          application.getClosedReason());
      if ((accepted && alreadyAccepted) || (!accepted && alreadyRejected)) {
        return application;
      }
      throw new ConflictException("Application " + applicationId + " is not waiting for an answer to an offer "
          + "(status " + status + ").");
    });
  }

  /** Documents the applicant handed in after a credit officer asked for them. */
  public LoanApplication submitDocuments(String applicationId, List<Document> handedIn, String submittedBy) {
    return retrying(() -> {
      LoanApplication application = find(applicationId);
      boolean waiting = application.getProcessInstanceId() != null && runtime.createEventSubscriptionQuery()
          .processInstanceId(application.getProcessInstanceId())
          .eventType("message").eventName(MESSAGE_DOCUMENTS_RECEIVED).count() > 0;
      if (!waiting) {
        throw new ConflictException("Application " + applicationId + " is not waiting for documents (status "
            + application.getStatus() + ").");
      }
      Instant now = now();
      handedIn.forEach(document -> documents.save(new ApplicationDocument(applicationId, document.type(),
          document.reference(), now)));
      runtime.createMessageCorrelation(MESSAGE_DOCUMENTS_RECEIVED).processInstanceBusinessKey(applicationId)
          .correlate();
      audit.record(submittedBy, "DOCUMENTS_RECEIVED", "application", applicationId, handedIn.size() + " document(s)");
      return application;
    });
  }

  private LoanApplication retrying(Supplier<LoanApplication> command) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(status -> command.get());
      } catch (OptimisticLockingException | org.springframework.dao.OptimisticLockingFailureException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private LoanApplication find(String applicationId) {
    return applications.findById(applicationId)
        .orElseThrow(() -> new NotFoundException("No application " + applicationId + "."));
  }

  /** Product rules: amount range, terms, adult applicant (on the engine's date). */
  private List<FieldProblem> productRules(NewApplication request) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal amount = request.requestedAmount();
    if (amount.compareTo(product.minAmount()) < 0 || amount.compareTo(product.maxAmount()) > 0) {
      problems.add(new FieldProblem("requestedAmount", "must be between " + product.minAmount().toPlainString()
          + " and " + product.maxAmount().toPlainString() + " " + product.currency()));
    }
    if (!product.terms().contains(request.termMonths())) {
      problems.add(new FieldProblem("termMonths", "must be one of " + product.terms()));
    }
    LocalDate born = request.applicant().dateOfBirth();
    LocalDate today = LocalDate.now(clock);
    if (!born.isBefore(today)) {
      problems.add(new FieldProblem("applicant.dateOfBirth", "must be in the past"));
    } else if (Period.between(born, today).getYears() < 18) {
      problems.add(new FieldProblem("applicant.dateOfBirth", "the applicant must be at least 18 years old"));
    } else if (Period.between(born, today).getYears() > 100) {
      problems.add(new FieldProblem("applicant.dateOfBirth", "is not a plausible date of birth"));
    }
    return problems;
  }

  private int age(LocalDate dateOfBirth) {
    return Period.between(dateOfBirth, LocalDate.now(clock)).getYears();
  }

  /** SHA-256 of the request in canonical JSON (sorted keys, numbers without trailing zeros). */
  static String fingerprint(NewApplication request) {
    try {
      JsonNode tree = CANONICAL.valueToTree(request);
      normalise(tree);
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(CANONICAL.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void normalise(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isBigDecimal() || field.getValue().isFloatingPointNumber()) {
          field.setValue(DecimalNode.valueOf(field.getValue().decimalValue().stripTrailingZeros()));
        } else {
          normalise(field.getValue());
        }
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
