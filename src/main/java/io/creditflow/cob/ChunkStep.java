package io.creditflow.cob;

/**
 * One step of the close of business, worked in chunks by {@link CobStepRunner}. An implementation pages with a
 * keyset cursor (the loan number after which to go on), isolates each loan's work so that a failing loan is recorded
 * and skipped ({@link LoanWork}), and is idempotent per loan and business date: a chunk redone after a crash changes
 * nothing twice. It throws only when the step as a whole cannot go on (the job then retries, then raises an incident).
 *
 * <p>Each step is a bean of this type, a {@link CobStepName} and a looping task in {@code close-of-business.bpmn};
 * steps 5 (periodic review) and 6 (early-warning signals) run last, before {@code Task_CompleteBusinessDay}.
 */
public interface ChunkStep {

  CobStepName name();

  ChunkResult runChunk(CobRun run, String cursor, int chunkSize);
}
