package io.creditflow.servicing;

import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.servicing.RepaymentScheduleCalculator.ScheduledInstalment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Further loans on an existing credit line (drawdowns). A drawdown is allowed when the line is ACTIVE (else 409), the
 * purpose is not prohibited, the amount is within the available amount, and the line's drawdowns of the business date
 * and of the calendar month stay within {@code creditflow.drawdowns.daily-cap} / {@code monthly-cap} (else 400). The
 * loan is priced as the line's first loan (its annual rate), without interest-free months, and booked with the
 * ledger's shared booking ({@link DisbursementService#bookLoan}); the line's optimistic lock stops two drawdowns from
 * spending the same headroom.
 *
 * <p><b>Idempotent by drawdown reference</b>: the same reference with the same line, amount, term and purpose answers
 * the stored drawdown ({@code created = false}); with anything different it is a conflict (409).
 */
@Service
public class DrawdownService {

  public static final String ACTOR = "system:drawdowns";
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int MAX_ATTEMPTS = 5;

  private static final Logger log = LoggerFactory.getLogger(DrawdownService.class);

  private final CreditLineRepository creditLines;
  private final LoanRepository loans;
  private final InstalmentRepository instalments;
  private final DrawdownRepository drawdowns;
  private final DisbursementService booking;
  private final DrawdownProperties caps;
  private final Clock clock;
  private final TransactionTemplate writing;
  private final TransactionTemplate reading;
  private final RepaymentScheduleCalculator calculator = new RepaymentScheduleCalculator();

  DrawdownService(CreditLineRepository creditLines, LoanRepository loans, InstalmentRepository instalments,
      DrawdownRepository drawdowns, DisbursementService booking, DrawdownProperties caps, Clock clock,
      PlatformTransactionManager transactionManager) {
    this.creditLines = creditLines;
    this.loans = loans;
    this.instalments = instalments;
    this.drawdowns = drawdowns;
    this.booking = booking;
    this.caps = caps;
    this.clock = clock;
    this.writing = new TransactionTemplate(transactionManager);
    this.writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading = new TransactionTemplate(transactionManager);
    this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading.setReadOnly(true);
  }

  /**
   * Books the drawdown, or answers the one booked before under the same reference.
   *
   * @throws NotFoundException       no such credit line
   * @throws ConflictException       the line is not ACTIVE, or the reference was used for a different drawdown
   * @throws InvalidRequestException malformed fields, a prohibited purpose, an amount above the available amount or a cap
   */
  public DrawdownResult draw(String creditLineId, DrawdownCommand command, String requestedBy) {
    checkShape(command);
    for (int attempt = 1; ; attempt++) {
      Optional<DrawdownResult> existing = reading.execute(status -> existing(creditLineId, command));
      if (existing.isPresent()) {
        return existing.get();
      }
      try {
        return writing.execute(status -> book(creditLineId, command, requestedBy));
      } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        log.info("Drawdown {} on credit line {} refused by the database (attempt {}): {}; re-reading",
            command.drawdownReference(), creditLineId, attempt, e.getClass().getSimpleName());
      }
    }
  }

  private Optional<DrawdownResult> existing(String creditLineId, DrawdownCommand command) {
    return drawdowns.findByDrawdownReference(command.drawdownReference()).map(drawdown -> {
      if (!drawdown.sameAs(creditLineId, command)) {
        throw new ConflictException("Drawdown reference " + command.drawdownReference()
            + " was already used for a different drawdown.");
      }
      Loan loan = loans.findById(drawdown.getLoanNumber()).orElseThrow();
      Instalment first = instalments.findByLoanNumberAndScheduleVersionAndSequenceNumber(loan.getLoanNumber(),
          Loan.FIRST_SCHEDULE_VERSION, 1).orElseThrow();
      CreditLine line = creditLines.findById(creditLineId).orElseThrow();
      return new DrawdownResult(drawdown, loan.getAnnualRate(), first.getDueDate(), first.getTotalDue(),
          loan.getMaturityDate(), line.getAvailableAmount(), false);
    });
  }

  private DrawdownResult book(String creditLineId, DrawdownCommand command, String requestedBy) {
    CreditLine line = creditLineId == null || creditLineId.length() > 36 ? null
        : creditLines.findById(creditLineId).orElse(null);
    if (line == null) {
      throw new NotFoundException("No credit line " + creditLineId + ".");
    }
    if (line.getStatus() != CreditLineStatus.ACTIVE) {
      throw new ConflictException("Credit line " + creditLineId + " is " + line.getStatus()
          + ": no drawdowns.");
    }
    if (command.purpose().isProhibited()) {
      throw invalid("purpose", command.purpose() + " is a prohibited use of a consumer loan");
    }
    BigDecimal amount = Money.exactCents(command.amount(), "amount");
    if (amount.compareTo(line.getAvailableAmount()) > 0) {
      throw invalid("amount", "must not exceed the available amount of the line: "
          + line.getAvailableAmount().toPlainString() + " " + line.getCurrency());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    BigDecimal drawnToday = drawdowns.totalDrawn(line.getId(), today, today);
    if (drawnToday.add(amount).compareTo(caps.dailyCap()) > 0) {
      throw invalid("amount", "exceeds the daily drawdown cap of " + caps.dailyCap().toPlainString() + " "
          + line.getCurrency() + " (" + drawnToday.toPlainString() + " drawn today)");
    }
    BigDecimal drawnThisMonth = drawdowns.totalDrawn(line.getId(), today.withDayOfMonth(1), today);
    if (drawnThisMonth.add(amount).compareTo(caps.monthlyCap()) > 0) {
      throw invalid("amount", "exceeds the monthly drawdown cap of " + caps.monthlyCap().toPlainString() + " "
          + line.getCurrency() + " (" + drawnThisMonth.toPlainString() + " drawn this month)");
    }
    Loan first = loans.findByCreditLineIdOrderByCreatedAtAsc(line.getId()).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("credit line " + line.getId() + " has no loan to price from"));

    List<ScheduledInstalment> schedule = calculator.schedule(amount, first.getAnnualRate(), command.termMonths(), 0,
        today);
    line.drawDown(amount);
    String id = Drawdown.newId();
    Loan loan = booking.bookLoan(line, null, amount, first.getAnnualRate(), command.termMonths(), 0, schedule, today,
        now, id, requestedBy, "drawdown " + command.drawdownReference() + " on credit line " + line.getId());
    Drawdown drawdown = drawdowns.saveAndFlush(Drawdown.of(id, command, line.getId(), loan, requestedBy, now));
    creditLines.flush();
    log.info("Drawdown {} on credit line {}: loan {}", command.drawdownReference(), line.getId(),
        loan.getLoanNumber());
    return new DrawdownResult(drawdown, loan.getAnnualRate(), schedule.get(0).dueDate(), schedule.get(0).total(),
        loan.getMaturityDate(), line.getAvailableAmount(), true);
  }

  private static void checkShape(DrawdownCommand command) {
    if (command == null) {
      throw new InvalidRequestException(List.of(new FieldProblem("drawdown", "is required")));
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (command.drawdownReference() == null || !REFERENCE.matcher(command.drawdownReference()).matches()) {
      problems.add(new FieldProblem("drawdownReference", "must be 1 to 64 letters, digits and . _ : -"));
    }
    BigDecimal amount = command.amount();
    if (amount == null || amount.signum() <= 0) {
      problems.add(new FieldProblem("amount", "must be positive"));
    } else if (amount.stripTrailingZeros().scale() > Money.SCALE || amount.precision() - amount.scale() > 17) {
      problems.add(new FieldProblem("amount", "must be whole cents, at most 17 whole digits"));
    }
    if (command.termMonths() < 1 || command.termMonths() > DisbursementService.MAX_TERM_MONTHS) {
      problems.add(new FieldProblem("termMonths", "must be between 1 and " + DisbursementService.MAX_TERM_MONTHS));
    }
    if (command.purpose() == null) {
      problems.add(new FieldProblem("purpose", "is required"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  private static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(List.of(new FieldProblem(field, message)));
  }
}
