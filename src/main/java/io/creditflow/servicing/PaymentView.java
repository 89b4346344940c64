package io.creditflow.servicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A booked payment: what was received, what it paid (per line and in total) and the loan right after it. Built from
 * stored rows only, so the same payment always reads the same.
 *
 * @param prepaidPrincipal principal repaid ahead of the schedule (it led to schedule version
 *                         {@code scheduleVersionAfter})
 * @param balanceAfter     principal + billed interest + penalty the loan owed right after the payment
 */
public record PaymentView(String paymentReference, String loanNumber, String currency, BigDecimal amount,
    LocalDate valueDate, PaymentChannel channel, Instant receivedAt, List<Line> allocations, BigDecimal penaltyPaid,
    BigDecimal interestPaid, BigDecimal principalPaid, BigDecimal prepaidPrincipal, BigDecimal balanceAfter,
    BigDecimal outstandingPrincipalAfter, int daysPastDueAfter, LoanStatus loanStatusAfter,
    int scheduleVersionAfter) {

  /** What the payment paid of one schedule line. */
  public record Line(int scheduleVersion, int sequenceNumber, LocalDate dueDate, BigDecimal penalty,
      BigDecimal interest, BigDecimal principal, BigDecimal total) {}

  static PaymentView of(Payment p, List<PaymentAllocation> allocations) {
    return new PaymentView(p.getPaymentReference(), p.getLoanNumber(), p.getCurrency(), p.getAmount(),
        p.getValueDate(), p.getChannel(), p.getReceivedAt(), allocations.stream()
            .map(a -> new Line(a.getScheduleVersion(), a.getSequenceNumber(), a.getDueDate(), a.getPenalty(),
                a.getInterest(), a.getPrincipal(), a.getTotal()))
            .toList(),
        p.getPenaltyPaid(), p.getInterestPaid(), p.getPrincipalPaid(), p.getPrepaidPrincipal(), p.getBalanceAfter(),
        p.getPrincipalAfter(), p.getDaysPastDueAfter(), p.getLoanStatusAfter(), p.getScheduleVersionAfter());
  }
}
