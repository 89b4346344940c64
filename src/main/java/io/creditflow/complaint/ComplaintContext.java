package io.creditflow.complaint;

import io.creditflow.contact.ContactHistoryService;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanQueries;
import io.creditflow.servicing.PaymentView;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The loan's history and contact history as short texts for the complaint forms (Camunda Forms cannot call the
 * API): balances, days past due, the latest payments; holds, cease-contact and the latest contacts (recipients are
 * never shown).
 */
@Component
class ComplaintContext {

  private static final int LATEST = 5;

  private final LoanQueries loans;
  private final ContactHistoryService contacts;

  ComplaintContext(LoanQueries loans, ContactHistoryService contacts) {
    this.loans = loans;
    this.contacts = contacts;
  }

  String loanText(String loanNumber) {
    if (loanNumber == null) {
      return "No loan named in the complaint.";
    }
    return loans.loan(loanNumber).map(found -> {
      Loan loan = found.loan();
      List<PaymentView> payments = loans.payments(loanNumber);
      String latest = payments.stream().skip(Math.max(0, payments.size() - LATEST))
          .map(p -> p.valueDate() + " " + money(loan.getCurrency(), p.amount()))
          .collect(Collectors.joining("; "));
      return loan.getLoanNumber() + " · status " + loan.getStatus() + " · " + loan.getDaysPastDue()
          + " days past due · outstanding principal " + money(loan.getCurrency(), loan.getOutstandingPrincipal())
          + ", interest " + money(loan.getCurrency(), loan.getOutstandingInterest()) + ", penalty "
          + money(loan.getCurrency(), loan.getOutstandingPenalty()) + " · disbursed " + loan.getDisbursedOn()
          + " · payments: " + (latest.isEmpty() ? "none" : latest);
    }).orElse("Loan " + loanNumber + " not found.");
  }

  String contactText(String loanNumber) {
    if (loanNumber == null) {
      return "No loan: no contact history.";
    }
    ContactHistoryService.LoanContacts history = contacts.of(loanNumber);
    String latest = history.contacts().stream().limit(LATEST)
        .map(e -> e.at().toLocalDateTime() + " " + e.kind() + " " + e.channel()
            + (e.purpose() == null ? "" : " " + e.purpose())
            + (e.status() == null ? "" : " " + e.status())
            + (e.outcome() == null ? "" : " " + e.outcome()))
        .collect(Collectors.joining("; "));
    return (history.onHold() ? "ON HOLD" : "not on hold") + " · cease-contact " + (history.ceaseContact() ? "yes"
        : "no") + " · " + history.contacts().size() + " contact(s)" + (latest.isEmpty() ? "" : ": " + latest);
  }

  private static String money(String currency, BigDecimal amount) {
    return amount == null ? "-" : currency + " " + String.format("%,.2f", amount);
  }
}
