package io.creditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class NotificationPropertiesTest {

  private static NotificationProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("creditflow.notifications", NotificationProperties.class);
  }

  @Test
  void defaultsWhenNothingIsConfigured() {
    assertThat(bind(Map.of())).isEqualTo(NotificationProperties.defaults());
    assertThat(NotificationProperties.defaults().maxAttempts()).isEqualTo(5);
    assertThat(NotificationProperties.defaults().dispatcherEnabled()).isTrue();
    assertThat(NotificationProperties.defaults().dispatchInterval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void bindsKebabCaseSettings() {
    NotificationProperties properties = bind(Map.of("creditflow.notifications.dispatcher-enabled", "false",
        "creditflow.notifications.max-attempts", "3", "creditflow.notifications.initial-backoff", "30s"));

    assertThat(properties.dispatcherEnabled()).isFalse();
    assertThat(properties.maxAttempts()).isEqualTo(3);
    assertThat(properties.initialBackoff()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void backoffDoublesUpToTheCap() {
    NotificationProperties properties = NotificationProperties.defaults();

    assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(properties.backoffAfter(6)).isEqualTo(Duration.ofMinutes(32));
    assertThat(properties.backoffAfter(7)).isEqualTo(Duration.ofHours(1));
    assertThat(properties.backoffAfter(500)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> bind(Map.of("creditflow.notifications.max-attempts", "0")))
        .rootCause().hasMessageContaining("max-attempts");
    assertThatThrownBy(() -> bind(Map.of("creditflow.notifications.initial-backoff", "0s")))
        .rootCause().hasMessageContaining("initial-backoff");
  }
}
