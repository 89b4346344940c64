package io.creditflow.cob;

import io.creditflow.bureau.BureauReportKind;
import io.creditflow.bureau.BureauReporting;
import io.creditflow.servicing.Loan;
import io.creditflow.servicing.LoanRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * Step 4: the settlement notice for each loan step 1 settled on this business date (the ledger has already closed
 * the loan and restored its credit line's available amount). One outbox transaction per chunk. In the same
 * transaction the loan's SETTLED bureau report as of the business date is recorded (idempotent: a redone chunk
 * records nothing twice).
 */
@Component
class SendSettlementNoticesStep implements ChunkStep {

  private final CobFollowUpRepository followUps;
  private final LoanRepository loans;
  private final CobNotices notices;
  private final LoanWork loanWork;
  private final BureauReporting bureauReporting;

  SendSettlementNoticesStep(CobFollowUpRepository followUps, LoanRepository loans, CobNotices notices,
      LoanWork loanWork, BureauReporting bureauReporting) {
    this.followUps = followUps;
    this.loans = loans;
    this.notices = notices;
    this.loanWork = loanWork;
    this.bureauReporting = bureauReporting;
  }

  @Override
  public CobStepName name() {
    return CobStepName.SEND_SETTLEMENT_NOTICES;
  }

  @Override
  public ChunkResult runChunk(CobRun run, String cursor, int chunkSize) {
    List<CobFollowUp> settled = followUps.findByRunIdAndKindAndLoanNumberGreaterThanOrderByLoanNumberAsc(
        run.getId(), CobFollowUp.Kind.SETTLEMENT, cursor == null ? "" : cursor, Limit.of(chunkSize));
    Map<String, String> customers = loans.findAllById(settled.stream().map(CobFollowUp::getLoanNumber).toList())
        .stream().collect(Collectors.toMap(Loan::getLoanNumber, Loan::getCustomerId));
    Function<String, String> languages = notices.languages(customers.values());
    LoanWork.Tally tally = loanWork.inOneThenEach(run.getId(), name(), settled, CobFollowUp::getLoanNumber,
        followUp -> {
          String customerId = customers.get(followUp.getLoanNumber());
          if (customerId == null) {
            throw new IllegalStateException("Loan " + followUp.getLoanNumber() + " is not in the ledger");
          }
          notices.settled(followUp.getLoanNumber(), customerId, run.getBusinessDate(), languages.apply(customerId));
          bureauReporting.report(followUp.getLoanNumber(), BureauReportKind.SETTLED, run.getBusinessDate(),
              "settled at the close of business");
          return LoanWork.Outcome.PROCESSED;
        });
    return tally.result(settled.isEmpty() ? cursor : settled.get(settled.size() - 1).getLoanNumber(),
        settled.size() >= chunkSize);
  }
}
