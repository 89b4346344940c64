package io.creditflow.hardship;

import io.creditflow.servicing.Instalment;
import io.creditflow.servicing.InstalmentStatus;
import io.creditflow.servicing.LedgerActions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The restructuring options a credit officer compares, quoted by the ledger ({@link LedgerActions#quoteRestructure})
 * without changing anything: (a) the remaining term extended by the months the customer asked for; (b) the smallest
 * extension, up to {@value #MAX_EXTENSION_MONTHS} months, that brings the instalment to the customer's proposed
 * instalment or below, or none when even the longest extension does not.
 */
@Component
class HardshipOptions {

  static final int MAX_EXTENSION_MONTHS = 24;

  /** One option: the extension, the new remaining term and the instalment it gives. */
  record Option(int extensionMonths, int newRemainingMonths, BigDecimal newInstalment) {}

  /**
   * The loan today and both options.
   *
   * @param reduced empty when no proposal was made or no extension up to the maximum reaches it
   */
  record Quote(BigDecimal currentInstalment, int remainingMonths, Option extension,
      Optional<Option> reduced) {}

  private final LedgerActions ledger;

  HardshipOptions(LedgerActions ledger) {
    this.ledger = ledger;
  }

  Quote quote(String loanNumber, List<Instalment> schedule, int requestedExtensionMonths,
      BigDecimal proposedInstalment) {
    List<Instalment> unpaid = schedule.stream().filter(line -> line.getStatus() != InstalmentStatus.PAID).toList();
    int remaining = unpaid.size();
    BigDecimal current = cents(unpaid.isEmpty() ? BigDecimal.ZERO : unpaid.get(0).getTotalDue());
    Option extension = option(loanNumber, remaining, requestedExtensionMonths);
    return new Quote(current, remaining, extension,
        Optional.ofNullable(proposedInstalment == null ? null : reduced(loanNumber, remaining,
            proposedInstalment)));
  }

  /** Binary search for the smallest extension whose instalment is at most the proposal (instalments fall with term). */
  private Option reduced(String loanNumber, int remaining, BigDecimal proposed) {
    Option longest = option(loanNumber, remaining, MAX_EXTENSION_MONTHS);
    if (longest.newInstalment().compareTo(proposed) > 0) {
      return null;
    }
    Option best = longest;
    int low = 1;
    int high = MAX_EXTENSION_MONTHS - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      Option candidate = option(loanNumber, remaining, middle);
      if (candidate.newInstalment().compareTo(proposed) <= 0) {
        best = candidate;
        high = middle - 1;
      } else {
        low = middle + 1;
      }
    }
    return best;
  }

  private Option option(String loanNumber, int remaining, int extension) {
    int months = remaining + extension;
    return new Option(extension, months, cents(ledger.quoteRestructure(loanNumber, months)));
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}
