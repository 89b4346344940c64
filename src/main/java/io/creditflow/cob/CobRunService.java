package io.creditflow.cob;

import io.creditflow.common.web.ApiExceptionHandler.FieldProblem;
import io.creditflow.common.web.ConflictException;
import io.creditflow.common.web.InvalidRequestException;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.identity.ProcessKeys;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Close-of-business runs: starting one, and the bookkeeping the process does around its steps.
 *
 * <p><b>Catch-up, in the process.</b> An instance is started for a target date (the manual run's date, or
 * "yesterday" for the daily timer). {@code Task_OpenBusinessDay} picks the next date to close: the day after the
 * last COMPLETED run (or the earliest unfinished run before the target, or the target itself when nothing was ever
 * closed), opens that date's run, and the steps run for it; {@code Task_CompleteBusinessDay} completes it and the
 * model loops back, until the target is closed. Missed days are therefore closed in order, each with its own run
 * record, all by the same instance.
 *
 * <p>Only one {@code closeOfBusiness} instance runs at a time: the API answers 409, and an instance that finds
 * another one running that has taken up a run, or its date already closed, ends without doing anything. (A daily
 * instance that has not reached its first step yet holds no run, so a manual start that meets it goes ahead.)
 */
@Service
public class CobRunService {

  /** Who a daily, timer-started run is triggered by. */
  public static final String TIMER = "timer";
  /**
   * Message of the manual start event. (Camunda 7 does not allow a none start event next to the timer start event,
   * so the manual start is a message start event.)
   */
  public static final String MANUAL_START_MESSAGE = "CloseOfBusinessRequested";

  private static final Logger log = LoggerFactory.getLogger(CobRunService.class);

  /** The date a run should close next, and its run record; empty when nothing is left to close. */
  public record NextDay(LocalDate targetDate, Optional<CobRun> run) {}

  private final CobRunRepository runs;
  private final CobStepRepository steps;
  private final CobLoanErrorRepository loanErrors;
  private final RuntimeService runtime;
  private final CobProperties properties;
  private final Clock clock;

  CobRunService(CobRunRepository runs, CobStepRepository steps, CobLoanErrorRepository loanErrors,
      RuntimeService runtime, CobProperties properties, Clock clock) {
    this.properties = properties;
    this.runs = runs;
    this.steps = steps;
    this.loanErrors = loanErrors;
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * Starts the close of business for {@code businessDate} (closing missed earlier days first), as {@code user}.
   *
   * @throws InvalidRequestException the date is after today (engine clock, business zone)
   * @throws ConflictException the date is already closed or before the last closed date, or a run is in progress
   */
  @Transactional
  public CobRun start(LocalDate businessDate, String user) {
    LocalDate today = LocalDate.now(clock);
    if (businessDate.isAfter(today)) {
      throw new InvalidRequestException(List.of(new FieldProblem("businessDate",
          "must not be after today (" + today + " by the engine clock)")));
    }
    Optional<CobRun> lastCompleted = runs.findFirstByStatusOrderByBusinessDateDesc(CobRunStatus.COMPLETED);
    Optional<CobRun> existing = runs.findByBusinessDate(businessDate);
    if (existing.isPresent() && existing.get().getStatus() == CobRunStatus.COMPLETED) {
      throw new ConflictException("The close of business for " + businessDate + " is already completed (run "
          + existing.get().getId() + ").");
    }
    if (lastCompleted.isPresent() && !businessDate.isAfter(lastCompleted.get().getBusinessDate())) {
      throw new ConflictException("Business date " + businessDate + " is before the last completed close of business ("
          + lastCompleted.get().getBusinessDate() + "); dates are closed in order.");
    }
    List<ProcessInstance> active = runningInstances();
    if (!active.isEmpty()) {
      throw new ConflictException("A close of business is in progress (instance " + active.get(0).getId()
          + ", business key " + active.get(0).getBusinessKey() + "); start again when it has finished.");
    }
    CobRun run = existing.orElseGet(() -> CobRun.start(businessDate, businessDate, user, clock.instant()));
    run = runs.saveAndFlush(run);
    ProcessInstance instance = runtime.startProcessInstanceByMessage(MANUAL_START_MESSAGE,
        businessDate.toString(), Map.of(CobVariables.TARGET_DATE, businessDate.toString(),
            CobVariables.TRIGGERED_BY, user));
    run.resume(instance.getId(), businessDate, user);
    log.info("Close of business {} started by {}: run {}, instance {}", businessDate, user, run.getId(),
        instance.getId());
    return run;
  }

  /**
   * The next business date the instance {@code processInstanceId} must close on its way to {@code targetDate} (null:
   * the daily run's "yesterday"), with its run opened (created, or taken up again with its step cursors).
   */
  @Transactional
  public NextDay openNextBusinessDay(LocalDate targetDate, String triggeredBy, String processInstanceId) {
    LocalDate target = targetDate != null ? targetDate : LocalDate.now(clock).minusDays(1);
    if (TIMER.equals(triggeredBy) && !properties.dailyEnabled()) {
      log.info("Daily close of business for {} skipped: creditflow.cob.daily-enabled is false", target);
      return new NextDay(target, Optional.empty());
    }
    List<String> others = runningInstances().stream().map(ProcessInstance::getId)
        .filter(id -> !id.equals(processInstanceId)).toList();
    // Only an instance that has taken up a run (the manual start attaches its run before its first step) keeps
    // others out. A fresh daily instance, at its first step too, holds none: it must not make a manual run that
    // was started a moment earlier skip its day and leave that run open.
    Optional<String> holder = others.isEmpty() ? Optional.empty()
        : runs.findByProcessInstanceIdIn(others).stream().map(CobRun::getProcessInstanceId).findFirst();
    if (holder.isPresent()) {
      log.warn("Close of business for {} skipped: instance {} is still running", target, holder.get());
      return new NextDay(target, Optional.empty());
    }
    Optional<LocalDate> lastCompleted = runs.findFirstByStatusOrderByBusinessDateDesc(CobRunStatus.COMPLETED)
        .map(CobRun::getBusinessDate);
    if (lastCompleted.isPresent() && !target.isAfter(lastCompleted.get())) {
      log.info("Close of business for {}: nothing to close (last completed {})", target, lastCompleted.get());
      return new NextDay(target, Optional.empty());
    }
    LocalDate next = lastCompleted.map(date -> date.plusDays(1))
        .or(() -> runs.findFirstByStatusNotAndBusinessDateBeforeOrderByBusinessDateAsc(CobRunStatus.COMPLETED, target)
            .map(CobRun::getBusinessDate))
        .orElse(target);
    CobRun run = runs.findByBusinessDate(next)
        .orElseGet(() -> runs.saveAndFlush(CobRun.start(next, target, triggeredBy, clock.instant())));
    run.resume(processInstanceId, target, triggeredBy);
    for (CobStepName name : CobStepName.values()) {
      if (steps.findByRunIdAndStep(run.getId(), name).isEmpty()) {
        steps.save(CobStep.pending(run.getId(), name));
      }
    }
    if (!next.equals(target)) {
      log.info("Close of business for {}: catching up {} first", target, next);
    }
    return new NextDay(target, Optional.of(run));
  }

  /** Marks the run of a business date completed once all its steps ran. */
  @Transactional
  public void completeBusinessDay(String runId) {
    CobRun run = runs.findById(runId).orElseThrow(() -> new IllegalStateException("No COB run " + runId));
    List<CobStepName> open = steps.findByRunIdOrderByStepOrderAsc(runId).stream()
        .filter(step -> step.getStatus() != CobStepStatus.COMPLETED).map(CobStep::getStep).toList();
    if (!open.isEmpty()) {
      throw new IllegalStateException("COB run " + runId + " cannot complete: steps not completed " + open);
    }
    run.completed(clock.instant());
    log.info("Close of business {} completed (run {})", run.getBusinessDate(), runId);
  }

  /** Runs, latest business date first, with their steps. */
  @Transactional(readOnly = true)
  public List<RunDetails> list(int limit) {
    List<CobRun> page = runs.findAllByOrderByBusinessDateDesc(Limit.of(limit));
    Map<String, List<CobStep>> stepsByRun = steps.findByRunIdInOrderByRunIdAscStepOrderAsc(
        page.stream().map(CobRun::getId).toList()).stream()
        .collect(java.util.stream.Collectors.groupingBy(CobStep::getRunId));
    return page.stream().map(run -> new RunDetails(run, stepsByRun.getOrDefault(run.getId(), List.of()), null))
        .toList();
  }

  /** One run with its steps and the loans it recorded and skipped (at most {@code maxErrors}). */
  @Transactional(readOnly = true)
  public RunDetails get(String runId, int maxErrors) {
    CobRun run = runs.findById(runId).orElseThrow(() -> new NotFoundException("No close-of-business run " + runId));
    return new RunDetails(run, steps.findByRunIdOrderByStepOrderAsc(runId),
        loanErrors.findByRunIdOrderByStepAscLoanNumberAsc(runId, Limit.of(maxErrors)));
  }

  /** A run, its steps and (for a single run) its loan errors. */
  public record RunDetails(CobRun run, List<CobStep> steps, List<CobLoanError> loanErrors) {}

  private List<ProcessInstance> runningInstances() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.CLOSE_OF_BUSINESS).list();
  }

}
