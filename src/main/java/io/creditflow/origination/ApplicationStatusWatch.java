package io.creditflow.origination;

import io.creditflow.common.web.Problems;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Channel reads that wait for an application to leave a status (long polling, {@code GET
 * /api/applications/{id}?whileStatus=RECEIVED&waitSeconds=20}), so that a mobile app learns of its decision with one
 * request instead of reading the application again and again.
 *
 * <p>One thread of this node checks every {@code creditflow.origination.status-wait.check-interval} (100 ms) the
 * status of every application someone waits on, with one query for all of them, and answers each waiter whose
 * application has left the status it waits on, or whose time is up. It reads the database rather than listening to
 * this node's changes, so a change made by another node of a cluster (its job executor) is seen as well. With nobody
 * waiting it does nothing. At most {@code creditflow.origination.status-wait.max-waiting} (1,000) reads wait on one
 * node at a time; one more is refused ({@link Busy}, 503) rather than queued.
 */
@Component
class ApplicationStatusWatch implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ApplicationStatusWatch.class);
  /** Ids per status query (an IN list of this size is fine on H2, MySQL and MariaDB). */
  private static final int IDS_PER_QUERY = 500;

  /** A read that waits: the application, the status it waits to leave, its deadline and what to do at the end. */
  record Waiter(String applicationId, ApplicationStatus whileStatus, long deadlineNanos, Runnable answer) {}

  /** 503 problem with {@code Retry-After: 1}: more reads wait on this node than it holds. */
  static final class Busy extends ErrorResponseException {
    Busy(int maxWaiting) {
      super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Too many waiting reads",
          maxWaiting + " reads already wait on this node; read again without waiting or wait later"), null);
      getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }
  }

  private final LoanApplicationRepository applications;
  private final int maxWaiting;
  private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();
  private final AtomicInteger count = new AtomicInteger();
  private final ScheduledExecutorService checker;
  /** Answers (each reads the application once more and writes the response), so one slow answer holds no other. */
  private final ExecutorService answering;

  @Autowired
  ApplicationStatusWatch(LoanApplicationRepository applications, OriginationProperties properties,
      ObjectProvider<MeterRegistry> meters) {
    this(applications, properties.statusWait(), meters);
  }

  ApplicationStatusWatch(LoanApplicationRepository applications, OriginationProperties.StatusWait settings,
      ObjectProvider<MeterRegistry> meters) {
    Duration checkInterval = settings.checkInterval();
    if (checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException("creditflow.origination.status-wait.check-interval must be positive");
    }
    this.applications = applications;
    this.maxWaiting = settings.maxWaiting();
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "application-status-watch");
      thread.setDaemon(true);
      return thread;
    });
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.checker = executor;
    this.answering = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "application-status-answer");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1, checkInterval.toMillis());
    checker.scheduleWithFixedDelay(this::checkSafely, millis, millis, TimeUnit.MILLISECONDS);
    meters.ifAvailable(registry -> Gauge.builder("creditflow.applications.status.waiting", count, AtomicInteger::get)
        .description("Channel reads waiting for an application to leave a status (long polling)")
        .register(registry));
  }

  /**
   * Waits until the application leaves {@code whileStatus}, or {@code wait} has passed, then runs {@code answer} (on
   * one of the watch's two answering threads). The first check comes within one interval, so a change that came just
   * before this call is not missed.
   *
   * @return the waiter, to {@link #cancel} it when the request ends early
   * @throws Busy when {@code max-waiting} reads already wait
   */
  Waiter await(String applicationId, ApplicationStatus whileStatus, Duration wait, Runnable answer) {
    if (count.incrementAndGet() > maxWaiting) {
      count.decrementAndGet();
      throw new Busy(maxWaiting);
    }
    Waiter waiter = new Waiter(applicationId, whileStatus, System.nanoTime() + wait.toNanos(), answer);
    waiting.add(waiter);
    return waiter;
  }

  /** Forgets a waiter whose request ended (timed out in the container, or the client went away). */
  void cancel(Waiter waiter) {
    if (waiting.remove(waiter)) {
      count.decrementAndGet();
    }
  }

  /** How many reads wait now. */
  int waitingCount() {
    return count.get();
  }

  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      // the database may be away for a moment: the waiters stay and the next check tries again
      log.warn("Checking the status of {} awaited application(s) failed: {}", waiting.size(), e.toString());
    }
  }

  /** One round: reads the status of every awaited application and answers the waiters that are done. */
  void check() {
    if (waiting.isEmpty()) {
      return;
    }
    List<Waiter> snapshot = List.copyOf(waiting);
    Map<String, ApplicationStatus> statuses = statusesOf(snapshot.stream().map(Waiter::applicationId)
        .distinct().toList());
    long now = System.nanoTime();
    for (Waiter waiter : snapshot) {
      ApplicationStatus status = statuses.get(waiter.applicationId());
      boolean left = status != waiter.whileStatus();
      if ((left || now - waiter.deadlineNanos() >= 0) && waiting.remove(waiter)) {
        count.decrementAndGet();
        answering.execute(() -> {
          try {
            waiter.answer().run();
          } catch (RuntimeException e) {
            log.warn("Answering a read of application {} failed", waiter.applicationId(), e);
          }
        });
      }
    }
  }

  private Map<String, ApplicationStatus> statusesOf(List<String> ids) {
    Map<String, ApplicationStatus> statuses = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
      List<String> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
      for (LoanApplicationRepository.IdAndStatus row : applications.findStatuses(chunk)) {
        statuses.put(row.getId(), row.getStatus());
      }
    }
    return statuses;
  }

  @Override
  public void destroy() {
    checker.shutdownNow();
    answering.shutdownNow();
  }
}
