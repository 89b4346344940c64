package io.creditflow.cob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** {@link LoanWork#each} with {@code creditflow.cob.parallelism}: loans at the same time, results in loan order. */
class LoanWorkTest {

  private final CobLoanErrorRepository errors = mock(CobLoanErrorRepository.class);
  private LoanWork work;

  /** A transaction manager that does nothing: the work under test needs no database. */
  static final class NoTransactions extends AbstractPlatformTransactionManager {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }

  private LoanWork loanWork(int parallelism) {
    work = new LoanWork(new NoTransactions(), errors, Clock.fixed(Instant.parse("2027-02-10T02:00:00Z"),
        ZoneOffset.UTC), new CobProperties(true, "0 30 0 * * ?", 200, 3, 3, "zh-CN", parallelism));
    return work;
  }

  @AfterEach
  void stop() {
    work.stop();
  }

  @Test
  void fourLoansAreWorkedAtTheSameTimeOnWorkerThreads() throws InterruptedException {
    LoanWork loans = loanWork(4);
    CountDownLatch allFourStarted = new CountDownLatch(4);
    Set<String> threads = ConcurrentHashMap.newKeySet();

    LoanWork.Tally tally = loans.each("run", CobStepName.START_COLLECTIONS, List.of("L1", "L2", "L3", "L4"),
        loan -> loan, loan -> {
          threads.add(Thread.currentThread().getName());
          allFourStarted.countDown();
          try {
            // one after the other, the first loan would wait here for the three others in vain
            if (!allFourStarted.await(30, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the other loans did not start while " + loan + " ran");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return LoanWork.Outcome.PROCESSED;
        });

    assertThat(tally.result("L4", false).processed()).isEqualTo(4);
    assertThat(threads).hasSize(4).allMatch(name -> name.startsWith("cob-worker-"));
  }

  @Test
  void aFailingLoanIsRecordedAndSkippedAndTheCountsAreAsOneAfterTheOther() {
    LoanWork loans = loanWork(3);

    ChunkResult result = loans.each("run", CobStepName.RAISE_EARLY_WARNINGS, List.of("L1", "L2", "L3", "L4", "L5"),
        loan -> loan, loan -> switch (loan) {
          case "L2" -> throw new IllegalStateException("bureau down for " + loan);
          case "L4" -> LoanWork.Outcome.SKIPPED;
          default -> LoanWork.Outcome.PROCESSED;
        }).result("L5", false);

    assertThat(result.processed()).isEqualTo(3);
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.lastError()).isEqualTo("IllegalStateException: bureau down for L2");
    verify(errors, times(1)).saveAndFlush(any(CobLoanError.class));
  }

  @Test
  void whenEveryLoanOfAChunkFailsTheChunkFails() {
    LoanWork loans = loanWork(2);

    assertThatThrownBy(() -> loans.each("run", CobStepName.REVIEW_CREDIT_LINES, List.of("L1", "L2", "L3"),
        loan -> loan, loan -> {
          throw new IllegalStateException("database gone");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("Every loan of a chunk of 3 failed");
  }

  @Test
  void withParallelismOneTheLoansRunOnTheCallersThreadInOrder() {
    LoanWork loans = loanWork(1);
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    loans.each("run", CobStepName.START_COLLECTIONS, List.of("L1", "L2", "L3"), loan -> loan, loan -> {
      seen.add(loan + "@" + Thread.currentThread().getName());
      return LoanWork.Outcome.PROCESSED;
    });

    String caller = Thread.currentThread().getName();
    assertThat(seen).containsExactly("L1@" + caller, "L2@" + caller, "L3@" + caller);
  }

  @Test
  void groupsAreWorkedWholeAndAFailedGroupLoanByLoanSoOnlyTheFailingLoanIsRecorded() {
    LoanWork loans = loanWork(2);
    List<List<String>> groupsWorked = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> singles = new java.util.concurrent.CopyOnWriteArrayList<>();

    ChunkResult result = loans.eachInGroups("run", CobStepName.START_COLLECTIONS,
        List.of("L1", "L2", "L3", "L4", "L5", "L6", "L7"), loan -> loan, 3, group -> {
          groupsWorked.add(List.copyOf(group));
          if (group.contains("L5")) {
            throw new IllegalStateException("L5 cannot start");
          }
          return group.stream().map(loan -> loan.equals("L2") ? LoanWork.Outcome.SKIPPED
              : LoanWork.Outcome.PROCESSED).toList();
        }, loan -> {
          singles.add(loan);
          if (loan.equals("L5")) {
            throw new IllegalStateException("L5 cannot start");
          }
          return LoanWork.Outcome.PROCESSED;
        }).result("L7", false);

    assertThat(groupsWorked).containsExactlyInAnyOrder(List.of("L1", "L2", "L3"), List.of("L4", "L5", "L6"),
        List.of("L7"));
    assertThat(singles).containsExactlyInAnyOrder("L4", "L5", "L6");
    assertThat(result.processed()).isEqualTo(5);
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.lastError()).isEqualTo("IllegalStateException: L5 cannot start");
    verify(errors, times(1)).saveAndFlush(any(CobLoanError.class));
  }

  @Test
  void aGroupAnsweringTheWrongNumberOfOutcomesIsWorkedLoanByLoan() {
    LoanWork loans = loanWork(1);

    ChunkResult result = loans.eachInGroups("run", CobStepName.START_COLLECTIONS, List.of("L1", "L2"),
        loan -> loan, 5, group -> List.of(LoanWork.Outcome.PROCESSED), loan -> LoanWork.Outcome.SKIPPED)
        .result("L2", false);

    assertThat(result.skipped()).isEqualTo(2);
    assertThat(result.processed()).isZero();
  }

  @Test
  void whenEveryLoanOfAGroupedChunkFailsTheChunkFails() {
    LoanWork loans = loanWork(2);

    assertThatThrownBy(() -> loans.eachInGroups("run", CobStepName.START_COLLECTIONS, List.of("L1", "L2", "L3"),
        loan -> loan, 2, group -> {
          throw new IllegalStateException("engine down");
        }, loan -> {
          throw new IllegalStateException("engine down");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("Every loan of a chunk of 3 failed");
  }
}
