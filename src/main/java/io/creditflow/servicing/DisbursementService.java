package io.creditflow.servicing;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.servicing.RepaymentScheduleCalculator.ScheduledInstalment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books a disbursement: opens the credit line for the application (with its opening limit in the limit history),
 * books the loan with its repayment schedule (version 1), and records the disbursement, all in one transaction.
 *
 * <p><b>Idempotent by application.</b> A call for an application that was already disbursed books nothing and returns
 * the first booking with {@code alreadyDisbursed = true}. Callers that race are stopped by the database: the unique
 * application id of the credit line (and the unique idempotency key of the disbursement) lets only one booking commit;
 * the others roll back, re-read and return the winner's booking. A loan number collision (see {@link LoanNumbers}) is
 * refused by the loan's primary key and retried the same way with a fresh number.
 *
 * <p><b>Its own transaction.</b> The booking runs in a new transaction ({@code REQUIRES_NEW}), whatever the caller has
 * open: a booking refused by a constraint must be rolled back before the winner can be read, and that must not roll
 * back the caller's work (e.g. the process engine's). If the caller's transaction fails afterwards, the booking stays,
 * and the caller's retry gets it back as already disbursed.
 *
 * <p><b>Dates.</b> The disbursement date is today in the business zone of the {@link Clock} bean (the engine clock).
 */
@Service
public class DisbursementService {

  /** Longest term accepted, in months. */
  public static final int MAX_TERM_MONTHS = 360;
  /** Who the ledger records as the author of what a disbursement books. */
  public static final String ACTOR = "system:disbursement";

  static final int MAX_ATTEMPTS = 5;
  private static final long BACK_OFF_MILLIS = 25;
  private static final int MAX_KEY_LENGTH = 64;
  private static final int MAX_CUSTOMER_ID_LENGTH = 36;

  private static final Logger log = LoggerFactory.getLogger(DisbursementService.class);

  private final CreditLineRepository creditLines;
  private final CreditLimitChangeRepository limitChanges;
  private final LoanRepository loans;
  private final InstalmentRepository instalments;
  private final DisbursementRepository disbursements;
  private final AuditTrail auditTrail;
  private final Clock clock;
  private final TransactionTemplate booking;
  private final TransactionTemplate reading;
  private final RepaymentScheduleCalculator calculator = new RepaymentScheduleCalculator();
  private final Supplier<String> loanNumbers;
  private final Runnable beforeBooking;

  @Autowired
  public DisbursementService(CreditLineRepository creditLines, CreditLimitChangeRepository limitChanges,
      LoanRepository loans, InstalmentRepository instalments, DisbursementRepository disbursements,
      AuditTrail auditTrail, PlatformTransactionManager transactionManager, Clock clock) {
    this(creditLines, limitChanges, loans, instalments, disbursements, auditTrail, transactionManager, clock,
        new LoanNumbers()::next, () -> {});
  }

  /**
   * With a loan number source and a hook that runs after the duplicate check and before each booking attempt: test
   * seams to force a loan number collision and to hold racing callers between check and booking.
   */
  DisbursementService(CreditLineRepository creditLines, CreditLimitChangeRepository limitChanges,
      LoanRepository loans, InstalmentRepository instalments, DisbursementRepository disbursements,
      AuditTrail auditTrail, PlatformTransactionManager transactionManager, Clock clock,
      Supplier<String> loanNumbers, Runnable beforeBooking) {
    this.creditLines = creditLines;
    this.limitChanges = limitChanges;
    this.loans = loans;
    this.instalments = instalments;
    this.disbursements = disbursements;
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.loanNumbers = loanNumbers;
    this.beforeBooking = beforeBooking;
    this.booking = new TransactionTemplate(transactionManager);
    this.booking.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading = new TransactionTemplate(transactionManager);
    this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading.setReadOnly(true);
  }

  /**
   * Books the disbursement of {@code request}, or returns the booking an earlier call made for the same application.
   *
   * @throws IllegalArgumentException if the request is malformed (a programming error of the caller): amount not
   *     positive or above the limit, term below 1 or above {@value #MAX_TERM_MONTHS}, interest-free months not below
   *     the term, rate negative or not a fraction below 1, unknown currency or risk grade, fractions of a cent
   * @throws IllegalStateException if the application was already disbursed on different terms
   */
  public DisbursementResult disburse(DisbursementRequest request) {
    Terms terms = Terms.of(request);
    for (int attempt = 1; ; attempt++) {
      Optional<DisbursementResult> existing = reading.execute(status -> existing(terms));
      if (existing.isPresent()) {
        return existing.get();
      }
      if (attempt > 1) {
        backOff(attempt);
      }
      beforeBooking.run();
      try {
        return booking.execute(status -> book(terms));
      } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        // a concurrent booking of the same application, or a loan number collision: re-read, then retry
        log.info("Disbursement of application {} refused by the database (attempt {}): {}; re-reading",
            terms.applicationId(), attempt, e.getClass().getSimpleName());
      }
    }
  }

  private DisbursementResult book(Terms terms) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    List<ScheduledInstalment> schedule = calculator.schedule(
        terms.amount(), terms.annualRate(), terms.termMonths(), terms.interestFreeMonths(), today);

    CreditLine line = CreditLine.open(terms.customerId(), terms.applicationId(), terms.currency(),
        terms.creditLimit(), terms.riskGrade(), now);
    line.drawDown(terms.amount());
    // First statement of the booking: a concurrent booking of the same application stops here, on the unique key.
    creditLines.saveAndFlush(line);
    limitChanges.save(line.openingLimitChange(ACTOR));

    Loan loan = bookLoan(line, terms.applicationId(), terms.amount(), terms.annualRate(), terms.termMonths(),
        terms.interestFreeMonths(), schedule, today, now, terms.applicationId(), ACTOR,
        "application " + terms.applicationId());

    log.info("Disbursed loan {} for application {}", loan.getLoanNumber(), terms.applicationId());
    return new DisbursementResult(loan.getLoanNumber(), line.getId(), loan.getFirstDueDate(),
        schedule.get(0).total(), line.getCreditLimit(), line.getAvailableAmount(), false);
  }

  /**
   * Books a loan of {@code amount} on {@code line}, which has been drawn down by it already, with {@code schedule} as
   * version 1, and the payout ({@code cf_disbursement} under {@code disbursementKey}): the booking shared by first
   * disbursements and drawdowns. Joins the caller's transaction and flushes, so constraint violations (a loan number
   * collision, a repeated key) surface here.
   */
  Loan bookLoan(CreditLine line, String applicationId, BigDecimal amount, BigDecimal annualRate, int termMonths,
      int interestFreeMonths, List<ScheduledInstalment> schedule, LocalDate today, Instant now,
      String disbursementKey, String actor, String auditDetail) {
    Loan loan = Loan.book(loanNumbers.get(), line, applicationId, amount, annualRate, termMonths, interestFreeMonths,
        today, schedule, now);
    loans.save(loan);
    instalments.saveAll(loan.instalments(schedule));
    disbursements.save(Disbursement.booked(disbursementKey, loan, now));
    auditTrail.record(actor, "LOAN_DISBURSED", "loan", loan.getLoanNumber(), auditDetail);
    // Surface constraint violations here, translated, rather than at commit.
    disbursements.flush();
    return loan;
  }

  private Optional<DisbursementResult> existing(Terms terms) {
    return disbursements.findByIdempotencyKey(terms.applicationId()).map(disbursement -> {
      Loan loan = loans.findById(disbursement.getLoanNumber()).orElseThrow();
      if (!terms.sameAs(loan)) {
        throw new IllegalStateException(
            "application " + terms.applicationId() + " was already disbursed on different terms");
      }
      CreditLine line = creditLines.findById(loan.getCreditLineId()).orElseThrow();
      Instalment first = instalments.findByLoanNumberAndScheduleVersionAndSequenceNumber(
          loan.getLoanNumber(), Loan.FIRST_SCHEDULE_VERSION, 1).orElseThrow();
      return new DisbursementResult(loan.getLoanNumber(), line.getId(), first.getDueDate(), first.getTotalDue(),
          line.getCreditLimit(), line.getAvailableAmount(), true);
    });
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(BACK_OFF_MILLIS * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a disbursement", e);
    }
  }

  /** A request checked and normalised: money at scale 2, the rate at scale 6, currency and grade resolved. */
  private record Terms(String applicationId, String customerId, String currency, BigDecimal creditLimit,
      BigDecimal amount, int termMonths, BigDecimal annualRate, int interestFreeMonths, RiskGrade riskGrade) {

    static Terms of(DisbursementRequest request) {
      if (request == null) {
        throw new IllegalArgumentException("request is required");
      }
      String applicationId = text(request.applicationId(), "applicationId", MAX_KEY_LENGTH);
      String customerId = text(request.customerId(), "customerId", MAX_CUSTOMER_ID_LENGTH);
      BigDecimal creditLimit = Money.exactCents(request.creditLimit(), "creditLimit");
      BigDecimal amount = Money.exactCents(request.amount(), "amount");
      if (amount.signum() <= 0) {
        throw new IllegalArgumentException("amount must be positive");
      }
      if (amount.compareTo(creditLimit) > 0) {
        throw new IllegalArgumentException("amount exceeds the credit limit");
      }
      if (request.termMonths() < 1 || request.termMonths() > MAX_TERM_MONTHS) {
        throw new IllegalArgumentException("termMonths must be between 1 and " + MAX_TERM_MONTHS);
      }
      if (request.interestFreeMonths() < 0 || request.interestFreeMonths() >= request.termMonths()) {
        throw new IllegalArgumentException("interestFreeMonths must be between 0 and termMonths - 1");
      }
      BigDecimal annualRate = Money.exactRate(request.annualRate(), "annualRate");
      if (annualRate.signum() < 0 || annualRate.compareTo(BigDecimal.ONE) >= 0) {
        // 1 or more is almost surely a percentage passed as a fraction (7.2 for 0.072)
        throw new IllegalArgumentException("annualRate must be a fraction from 0 to below 1 (0.072 = 7.20 %)");
      }
      return new Terms(applicationId, customerId, currency(request.currency()), creditLimit, amount,
          request.termMonths(), annualRate, request.interestFreeMonths(), riskGrade(request.riskGrade()));
    }

    /** Whether {@code loan} was booked on these terms (so a repeated request is the same request). */
    boolean sameAs(Loan loan) {
      return loan.getCustomerId().equals(customerId)
          && loan.getCurrency().equals(currency)
          && loan.getPrincipal().compareTo(amount) == 0
          && loan.getAnnualRate().compareTo(annualRate) == 0
          && loan.getTermMonths() == termMonths
          && loan.getInterestFreeMonths() == interestFreeMonths;
    }

    private static String text(String value, String name, int maxLength) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " is required");
      }
      if (value.length() > maxLength || !value.strip().equals(value)) {
        throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters, without padding");
      }
      return value;
    }

    private static String currency(String code) {
      if (code == null || !code.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException("currency must be an ISO 4217 code such as CNY");
      }
      return Currency.getInstance(code).getCurrencyCode();
    }

    private static RiskGrade riskGrade(String grade) {
      if (grade == null || !grade.matches("[A-E]")) {
        throw new IllegalArgumentException("riskGrade must be one of A, B, C, D, E");
      }
      return RiskGrade.valueOf(grade);
    }
  }
}
