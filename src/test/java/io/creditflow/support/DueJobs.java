package io.creditflow.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs a process instance's due jobs by hand, as the job executor would, for tests with the executor off. */
public final class DueJobs {

  private DueJobs() {}

  /**
   * Executes the instance's due jobs (async continuations, due timers) round by round until none is due; fails when
   * jobs are still due after 50 rounds (a loop in the model, or a job that keeps failing).
   */
  public static void run(ManagementService management, String processInstanceId) {
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("process instance " + processInstanceId + " still has due jobs after 50 rounds");
  }
}
