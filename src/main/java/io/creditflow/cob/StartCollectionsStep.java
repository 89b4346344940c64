package io.creditflow.cob;

import io.creditflow.collection.CollectionProcess;
import io.creditflow.collection.CollectionService;
import io.creditflow.identity.ProcessKeys;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.NativeProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
  private final CollectionService collection;
  private final String executions;
  private final String definitionsTable;

  StartCollectionsStep(CobFollowUpRepository followUps, LoanWork loanWork, ProcessEngine engine,
      EntityManager entities, CollectionService collection) {
    this.followUps = followUps;
    this.loanWork = loanWork;
    this.runtime = engine.getRuntimeService();
    this.engine = engine;
    this.entities = entities;
    this.collection = collection;
    this.executions = engine.getManagementService().getTableName(ExecutionEntity.class);
    this.definitionsTable = engine.getManagementService().getTableName(ProcessDefinitionEntity.class);
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
        group -> requiresNew.execute(commandContext -> startGroup(run, group)),
        followUp -> requiresNew.execute(commandContext -> startUnlessOpen(run, followUp)));
    return tally.result(pastDue.isEmpty() ? cursor : pastDue.get(pastDue.size() - 1).getLoanNumber(),
        pastDue.size() >= chunkSize);
  }

  /**
   * Starts the collections of a group through the start message, each first plan in this transaction, skipping the
   * loans with an open collection or legal handover: one query for the group (see {@link #withOpenInstance}).
   */
  private List<LoanWork.Outcome> startGroup(CobRun run, List<CobFollowUp> group) {
    Set<String> open = withOpenInstance(group.stream().map(CobFollowUp::getLoanNumber).toList());
    List<LoanWork.Outcome> outcomes = new ArrayList<>(group.size());
    for (CobFollowUp followUp : group) {
      if (open.contains(followUp.getLoanNumber())) {
        outcomes.add(LoanWork.Outcome.SKIPPED);
        continue;
      }
      // the first plan reads the loan, its schedule and its case once (CollectionService.firstPlan)
      collection.firstPlan(followUp.getLoanNumber(), () -> runtime.startProcessInstanceByMessage(
          CollectionProcess.MESSAGE_PAST_DUE_AT_COB, followUp.getLoanNumber(), variables(run, followUp)));
      // the case's first plan is done: its rows to the database, its entities out of the group's persistence context
      entities.flush();
      entities.clear();
      outcomes.add(LoanWork.Outcome.PROCESSED);
    }
    return outcomes;
  }

  /**
   * Starts the loan's collection through the blank start event, its facts in a job, unless a collection or legal
   * handover is open.
   */
  private LoanWork.Outcome startUnlessOpen(CobRun run, CobFollowUp followUp) {
    String loanNumber = followUp.getLoanNumber();
    if (!withOpenInstance(List.of(loanNumber)).isEmpty()) {
      return LoanWork.Outcome.SKIPPED;
    }
    runtime.startProcessInstanceByKey(ProcessKeys.COLLECTION, loanNumber, variables(run, followUp));
    return LoanWork.Outcome.PROCESSED;
  }

  private static Map<String, Object> variables(CobRun run, CobFollowUp followUp) {
    return Map.of(
        CollectionProcess.LOAN_NUMBER, followUp.getLoanNumber(),
        CollectionProcess.DAYS_PAST_DUE, followUp.getDaysPastDue(),
        CollectionProcess.BUSINESS_DATE, run.getBusinessDate().toString());
  }

  /**
   * The loans among {@code loanNumbers} with a running (or suspended) {@code collection} or {@code legalHandover}
   * instance, by business key. A native query (Camunda's public API for SQL over its tables, table names from
   * {@code ManagementService.getTableName}) with one parameter per loan: Camunda's {@code ProcessInstanceQuery} takes
   * one business key only, and its generic statement evaluates some hundred conditions (MyBatis/OGNL) per call; JFR
   * on the due-date wave (issue 9, tenth round) put that at 7 % of this step's CPU, asked once per loan.
   */
  private Set<String> withOpenInstance(List<String> loanNumbers) {
    NativeProcessInstanceQuery query = runtime.createNativeProcessInstanceQuery();
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < loanNumbers.size(); i++) {
      keys.append(i == 0 ? "" : ", ").append("#{loan").append(i).append('}');
      query.parameter("loan" + i, loanNumbers.get(i));
    }
    StringBuilder definitions = new StringBuilder();
    for (int i = 0; i < BLOCKING_PROCESSES.size(); i++) {
      definitions.append(i == 0 ? "" : ", ").append("#{definition").append(i).append('}');
      query.parameter("definition" + i, BLOCKING_PROCESSES.get(i));
    }
    return query.sql("SELECT RES.* FROM " + executions + " RES INNER JOIN " + definitionsTable
            + " P ON RES.PROC_DEF_ID_ = P.ID_ WHERE RES.ID_ = RES.PROC_INST_ID_ AND RES.BUSINESS_KEY_ IN (" + keys
            + ") AND P.KEY_ IN (" + definitions + ")")
        .list().stream().map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
  }
}
