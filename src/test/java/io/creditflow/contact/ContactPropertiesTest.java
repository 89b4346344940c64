package io.creditflow.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** {@code creditflow.contact.*}: defaults, binding and validation as Spring Boot applies them at start-up. */
class ContactPropertiesTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  private static ContactProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("creditflow.contact",
        Bindable.of(ContactProperties.class), new ValidationBindHandler(new SpringValidatorAdapter(VALIDATION.getValidator())));
  }

  @Test
  void defaultsWhenNothingIsConfigured() {
    ContactProperties properties = bind(Map.of());

    assertThat(properties).isEqualTo(ContactProperties.defaults());
    assertThat(properties.jurisdiction()).isEqualTo("DEFAULT");
    assertThat(properties.defaultTimeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(properties.holdRecheckInterval()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void bindsKebabCaseSettings() {
    ContactProperties properties = bind(Map.of("creditflow.contact.jurisdiction", "CN",
        "creditflow.contact.default-time-zone", "Europe/London", "creditflow.contact.hold-recheck-interval", "15m"));

    assertThat(properties.jurisdiction()).isEqualTo("CN");
    assertThat(properties.defaultTimeZone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(properties.holdRecheckInterval()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> bind(Map.of("creditflow.contact.jurisdiction", "cn; drop")))
        .isInstanceOf(BindException.class).hasMessageContaining("creditflow.contact");
    assertThatThrownBy(() -> bind(Map.of("creditflow.contact.default-time-zone", "Mars/Olympus")))
        .isInstanceOf(BindException.class);
    assertThatThrownBy(() -> bind(Map.of("creditflow.contact.hold-recheck-interval", "0s")))
        .rootCause().hasMessageContaining("hold-recheck-interval");
    assertThatThrownBy(() -> bind(Map.of("creditflow.contact.default-phone-ref", "+8613912345678")))
        .isInstanceOf(BindException.class);
  }
}
