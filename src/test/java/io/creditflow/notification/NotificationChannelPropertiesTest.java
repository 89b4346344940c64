package io.creditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.notification.NotificationChannelProperties.Delivery;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class NotificationChannelPropertiesTest {

  private static NotificationChannelProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("creditflow.notifications", NotificationChannelProperties.class);
  }

  @Test
  void logDeliveryNeedsNothing() {
    NotificationChannelProperties defaults = bind(Map.of());
    assertThat(defaults.delivery()).isEqualTo(Delivery.LOG);
    assertThat(defaults.sms().configured()).isFalse();
    assertThat(defaults.sms().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.sms().readTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void liveDeliveryBindsTheChannelsAndNeverPrintsPasswords() {
    NotificationChannelProperties live = bind(Map.of("creditflow.notifications.delivery", "live",
        "creditflow.notifications.sms.url", "https://sms.example/v1/messages",
        "creditflow.notifications.sms.username", "cf", "creditflow.notifications.sms.password", "s3cret",
        "creditflow.notifications.sms.read-timeout", "3s",
        "creditflow.notifications.email.from", "no-reply@creditflow.example"));
    assertThat(live.delivery()).isEqualTo(Delivery.LIVE);
    assertThat(live.sms().readTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(live.push().configured()).isFalse();
    assertThat(live.sms().toString()).contains("password=****").doesNotContain("s3cret");
  }

  @Test
  void liveDeliveryWithoutItsChannelsStopsStartUpNamingWhatIsMissing() {
    assertThatThrownBy(() -> bind(Map.of("creditflow.notifications.delivery", "live",
        "creditflow.notifications.push.url", "ftp://push.example")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessage("creditflow.notifications.delivery=live needs its channels: "
            + "creditflow.notifications.sms.url is missing; "
            + "creditflow.notifications.push.url must be an absolute http(s) URL without user info; "
            + "creditflow.notifications.email.from is missing.");
  }
}
