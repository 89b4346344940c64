package io.creditflow.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A test sender: records every call (the attempt number the notification carried) and fails when told to. */
final class RecordingSender implements NotificationSender {

  private final Map<String, List<Integer>> calls = new ConcurrentHashMap<>();
  private final Predicate<Notification> fails;
  private final Duration pause;

  RecordingSender() {
    this(notification -> false, Duration.ZERO);
  }

  RecordingSender(Predicate<Notification> fails, Duration pause) {
    this.fails = fails;
    this.pause = pause;
  }

  @Override
  public void send(Notification notification) {
    calls.computeIfAbsent(notification.getId(), id -> new CopyOnWriteArrayList<>()).add(notification.getAttempts());
    if (!pause.isZero()) {
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (fails.test(notification)) {
      throw new IllegalStateException("SMS gateway answered 503");
    }
  }

  /** How often the notification was handed to this sender. */
  int sends(String notificationId) {
    return attempts(notificationId).size();
  }

  /** The attempt number the notification carried at each call. */
  List<Integer> attempts(String notificationId) {
    return calls.getOrDefault(notificationId, List.of());
  }
}
