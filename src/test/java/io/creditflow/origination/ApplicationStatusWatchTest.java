package io.creditflow.origination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The watch behind reads that wait on a status, checked by hand ({@link ApplicationStatusWatch#check}); its own timer
 * is set to an hour so it never runs during a test.
 */
class ApplicationStatusWatchTest {

  private final LoanApplicationRepository applications = mock(LoanApplicationRepository.class);
  private final ApplicationStatusWatch watch = new ApplicationStatusWatch(applications,
      new OriginationProperties.StatusWait(Duration.ofHours(1), 2),
      new StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));

  @AfterEach
  void stop() {
    watch.destroy();
  }

  @Test
  void aWaiterIsAnsweredOnlyOnceItsApplicationLeavesTheStatus() throws Exception {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    watch.await("A1", ApplicationStatus.RECEIVED, Duration.ofMinutes(1), () -> answered.complete(null));

    statuses(row("A1", ApplicationStatus.RECEIVED));
    watch.check();
    assertThat(watch.waitingCount()).isEqualTo(1);

    statuses(row("A1", ApplicationStatus.OFFERED));
    watch.check();
    answered.get(5, TimeUnit.SECONDS);
    assertThat(watch.waitingCount()).isZero();
  }

  @Test
  void aWaiterWhoseTimeIsUpIsAnsweredAlthoughNothingChanged() throws Exception {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    watch.await("A1", ApplicationStatus.RECEIVED, Duration.ZERO, () -> answered.complete(null));
    statuses(row("A1", ApplicationStatus.RECEIVED));

    watch.check();

    answered.get(5, TimeUnit.SECONDS);
    assertThat(watch.waitingCount()).isZero();
  }

  @Test
  void oneMoreThanTheMostThatMayWaitIsRefusedAndACancelledWaiterFreesItsPlace() {
    ApplicationStatusWatch.Waiter first = watch.await("A1", ApplicationStatus.RECEIVED, Duration.ofMinutes(1), () -> {});
    watch.await("A2", ApplicationStatus.RECEIVED, Duration.ofMinutes(1), () -> {});

    assertThatThrownBy(() -> watch.await("A3", ApplicationStatus.RECEIVED, Duration.ofMinutes(1), () -> {}))
        .isInstanceOfSatisfying(ApplicationStatusWatch.Busy.class, busy -> {
          assertThat(busy.getStatusCode().value()).isEqualTo(503);
          assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("1");
          assertThat(busy.getBody().getDetail()).contains("2 reads already wait");
        });
    watch.cancel(first);
    watch.cancel(first);

    assertThat(watch.waitingCount()).isEqualTo(1);
    watch.await("A3", ApplicationStatus.RECEIVED, Duration.ofMinutes(1), () -> {});
    assertThat(watch.waitingCount()).isEqualTo(2);
  }

  @Test
  void nobodyWaitingMeansNoQuery() {
    watch.check();

    verify(applications, never()).findStatuses(anyCollection());
  }

  @Test
  void anApplicationThatIsGoneAnswersItsWaiter() throws Exception {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    watch.await("A1", ApplicationStatus.RECEIVED, Duration.ofMinutes(1), () -> answered.complete(null));
    statuses();

    watch.check();

    answered.get(5, TimeUnit.SECONDS);
  }

  private void statuses(LoanApplicationRepository.IdAndStatus... rows) {
    when(applications.findStatuses(anyCollection())).thenReturn(List.of(rows));
  }

  private static LoanApplicationRepository.IdAndStatus row(String id, ApplicationStatus status) {
    return new LoanApplicationRepository.IdAndStatus() {
      @Override
      public String getId() {
        return id;
      }

      @Override
      public ApplicationStatus getStatus() {
        return status;
      }
    };
  }
}
