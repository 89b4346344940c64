package io.creditflow.cob;

import io.creditflow.collection.CollectionProcess;
import io.creditflow.identity.ProcessKeys;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * Step 3: starts {@code collection} (business key = loan number) for each loan step 1 found newly past due after
 * grace, unless the loan already has a running {@code collection} or {@code legalHandover} instance (then skipped). A
 * loan under hardship assessment gets its collection all the same: the assessment holds collection contact
 * ({@code CollectionHolds}), so the case starts on hold and goes on when the assessment ends; otherwise such a loan,
 * no longer newly past due afterwards, would never reach collection.
 *
 * <p>Up to {@link #GROUP} starts share one engine command and transaction (one commit instead of one per loan: the
 * due-date wave benchmark, issue 9, measured the starts as a large part of the wave). A group starts its cases through
 * the start message {@value CollectionProcess#MESSAGE_PAST_DUE_AT_COB}, so each case runs through its first plan
 * (facts, strategy, case record, plan, first reminder or timer) in the group's transaction, without a job of its own.
 * A group that fails is rolled back and its loans are started again each in its own command through the blank start
 * event: that start commits on its own, and its job gathers the facts with retries and then an incident, as any other
 * start of a case. A loan whose start itself fails is recorded and skipped alone. The check makes a redone chunk or
 * group harmless.
 *
 * <p>In a group, each case's rows are flushed and its entities detached from the JPA persistence context once its
 * first plan is done. Hibernate checks every entity it manages for changes before each query (auto-flush); kept for the
 * whole group, a group's last case paid that check for the nineteen before it, and JFR on the due-date wave (issue 9,
 * tenth round) put it at about 12 % of this step's CPU. Nothing of a finished case is read or changed again in the
 * group: the process holds ids only.
 */
@Component
class StartCollectionsStep implements ChunkStep {

  /** Collection starts per engine transaction. */
  static final int GROUP = 20;

  static final List<String> BLOCKING_PROCESSES =
      List.of(ProcessKeys.COLLECTION, ProcessKeys.LEGAL_HANDOVER);

  private final CobFollowUpRepository followUps;
  private final LoanWork loanWork;
  private final RuntimeService runtime;
  private final ProcessEngine engine;
  private final EntityManager entities;

  StartCollectionsStep(CobFollowUpRepository followUps, LoanWork loanWork, ProcessEngine engine,
      EntityManager entities) {
    this.followUps = followUps;
    this.loanWork = loanWork;
    this.runtime = engine.getRuntimeService();
    this.engine = engine;
    this.entities = entities;
  }

  @Override
  public CobStepName name() {
    return CobStepName.START_COLLECTIONS;
  }

  @Override
  public ChunkResult runChunk(CobRun run, String cursor, int chunkSize) {
    List<CobFollowUp> pastDue = followUps.findByRunIdAndKindAndLoanNumberGreaterThanOrderByLoanNumberAsc(
        run.getId(), CobFollowUp.Kind.COLLECTION, cursor == null ? "" : cursor, Limit.of(chunkSize));
    CommandExecutor requiresNew =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequiresNew();
    LoanWork.Tally tally = loanWork.eachInGroups(run.getId(), name(), pastDue, CobFollowUp::getLoanNumber, GROUP,
        group -> requiresNew.execute(commandContext -> group.stream()
            .map(followUp -> startUnlessOpen(run, followUp, true)).toList()),
        followUp -> requiresNew.execute(commandContext -> startUnlessOpen(run, followUp, false)));
    return tally.result(pastDue.isEmpty() ? cursor : pastDue.get(pastDue.size() - 1).getLoanNumber(),
        pastDue.size() >= chunkSize);
  }

  /**
   * Starts the loan's collection unless one (or a legal handover) is open. {@code firstPlanNow}: through the start
   * message, the first plan in this transaction; else through the blank start event, the facts in a job.
   */
  private LoanWork.Outcome startUnlessOpen(CobRun run, CobFollowUp followUp, boolean firstPlanNow) {
    String loanNumber = followUp.getLoanNumber();
    long open = runtime.createProcessInstanceQuery().processInstanceBusinessKey(loanNumber)
        .processDefinitionKeyIn(BLOCKING_PROCESSES.toArray(String[]::new)).count();
    if (open > 0) {
      return LoanWork.Outcome.SKIPPED;
    }
    Map<String, Object> variables = Map.of(
        CollectionProcess.LOAN_NUMBER, loanNumber,
        CollectionProcess.DAYS_PAST_DUE, followUp.getDaysPastDue(),
        CollectionProcess.BUSINESS_DATE, run.getBusinessDate().toString());
    if (firstPlanNow) {
      runtime.startProcessInstanceByMessage(CollectionProcess.MESSAGE_PAST_DUE_AT_COB, loanNumber, variables);
      // the case's first plan is done: its rows to the database, its entities out of the group's persistence context
      entities.flush();
      entities.clear();
    } else {
      runtime.startProcessInstanceByKey(ProcessKeys.COLLECTION, loanNumber, variables);
    }
    return LoanWork.Outcome.PROCESSED;
  }
}
