package io.creditflow.cob;

import io.creditflow.bureau.BureauReportKind;
import io.creditflow.bureau.BureauReporting;
import io.creditflow.servicing.LoanSettled;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A loan settled by a payment between two closes of business never reaches step 4 (it is no longer in the open
 * book): its settlement notice and SETTLED bureau record are written here, in the payment's transaction, as step 4
 * writes them for the loans it settles. Both are idempotent (notice key per loan; record per loan, kind and date).
 */
@Component
class SettledByPaymentListener {

  private final CobNotices notices;
  private final BureauReporting bureauReporting;

  SettledByPaymentListener(CobNotices notices, BureauReporting bureauReporting) {
    this.notices = notices;
    this.bureauReporting = bureauReporting;
  }

  @EventListener
  void settled(LoanSettled event) {
    notices.settled(event.loanNumber(), event.customerId(), event.settledOn(),
        notices.languages(List.of(event.customerId())).apply(event.customerId()));
    bureauReporting.report(event.loanNumber(), BureauReportKind.SETTLED, event.settledOn(), event.how());
  }
}
