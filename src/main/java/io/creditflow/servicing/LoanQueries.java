package io.creditflow.servicing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's read side for callers outside the package (API, processes). Returns detached entities: they have only
 * getters and no lazy associations, so they are safe to read after the transaction.
 */
@Service
@Transactional(readOnly = true)
public class LoanQueries {

  /** A loan and the lines of its current schedule, in order. */
  public record LoanWithSchedule(Loan loan, List<Instalment> schedule) {}

  /** A credit line and its limit history, oldest first. */
  public record CreditLineWithHistory(CreditLine creditLine, List<CreditLimitChange> limitChanges) {}

  private final LoanRepository loans;
  private final InstalmentRepository instalments;
  private final CreditLineRepository creditLines;
  private final CreditLimitChangeRepository limitChanges;
  private final PaymentRepository payments;
  private final PaymentAllocationRepository allocations;

  public LoanQueries(LoanRepository loans, InstalmentRepository instalments, CreditLineRepository creditLines,
      CreditLimitChangeRepository limitChanges, PaymentRepository payments, PaymentAllocationRepository allocations) {
    this.loans = loans;
    this.instalments = instalments;
    this.creditLines = creditLines;
    this.limitChanges = limitChanges;
    this.payments = payments;
    this.allocations = allocations;
  }

  /** The credit line with this id and its limit history; empty if there is none. */
  public Optional<CreditLineWithHistory> creditLine(String creditLineId) {
    return creditLineOnly(creditLineId).map(line -> new CreditLineWithHistory(line,
        List.copyOf(limitChanges.findByCreditLineIdOrderByChangedAtAscIdAsc(line.getId()))));
  }

  /** The credit line with this id, without its limit history; empty if there is none. */
  public Optional<CreditLine> creditLineOnly(String creditLineId) {
    if (creditLineId == null || creditLineId.length() > 36) {
      return Optional.empty();
    }
    return creditLines.findById(creditLineId);
  }

  /** The payments of a loan, oldest first, with their allocations (two queries, whatever the number of payments). */
  public List<PaymentView> payments(String loanNumber) {
    List<Payment> found = payments.findByLoanNumberOrderByReceivedAtAscIdAsc(loanNumber);
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, List<PaymentAllocation>> byPayment = allocations.findByPaymentIdInOrderBySequenceNumberAsc(
        found.stream().map(Payment::getId).toList()).stream()
        .collect(Collectors.groupingBy(PaymentAllocation::getPaymentId));
    return found.stream().map(p -> PaymentView.of(p, byPayment.getOrDefault(p.getId(), List.of()))).toList();
  }

  /** The loan with this number and its current schedule; empty if there is none. */
  public Optional<LoanWithSchedule> loan(String loanNumber) {
    if (!LoanNumbers.isWellFormed(loanNumber)) {
      return Optional.empty();
    }
    return loans.findById(loanNumber).map(loan -> new LoanWithSchedule(loan, List.copyOf(
        instalments.findByLoanNumberAndScheduleVersionOrderBySequenceNumberAsc(loanNumber,
            loan.getScheduleVersion()))));
  }

  /** The credit line opened for this application, with its limit history; empty if there is none. */
  public Optional<CreditLineWithHistory> creditLineOfApplication(String applicationId) {
    if (applicationId == null) {
      return Optional.empty();
    }
    return creditLines.findByApplicationId(applicationId).map(line -> new CreditLineWithHistory(line,
        List.copyOf(limitChanges.findByCreditLineIdOrderByChangedAtAscIdAsc(line.getId()))));
  }
}
