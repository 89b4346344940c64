package io.creditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationRequestTest {

  private static NotificationRequest request(String type, Map<String, ?> parameters, String language) {
    return NotificationRequest.of("APP-1:" + type, type, NotificationChannel.SMS, "CUST-1", "application", "APP-1",
        "origination.declined", parameters, language);
  }

  @Test
  void keepsParametersSortedWithoutNullValues() {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("reasonCodes", List.of("R12", "R40"));
    parameters.put("amount", new BigDecimal("5000.00"));
    parameters.put("note", null);

    NotificationRequest request = request("APPLICATION_DECLINED", parameters, "zh-CN");

    assertThat(request.parameters()).containsOnlyKeys("amount", "reasonCodes");
    assertThat(request.parameters().keySet()).containsExactly("amount", "reasonCodes");
    assertThat(request.notBefore()).isNull();
    assertThat(request(NotificationTypes.OFFER_MADE, null, "en").parameters()).isEmpty();
    Instant later = Instant.parse("2027-03-01T12:00:00Z");
    assertThat(request.notBefore(later).notBefore()).isEqualTo(later);
    assertThat(request.notBefore(later).parameters()).isEqualTo(request.parameters());
  }

  @Test
  void refusesContactAndIdentityDataAsParameters() {
    for (String name : List.of("nationalId", "national_id", "mobile", "phoneNumber", "email", "e-mail", "address")) {
      assertThatThrownBy(() -> request("OFFER_MADE", Map.of(name, "x"), "en"))
          .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }
    assertThat(request("OFFER_MADE", Map.of("branchName", "x", "customerName", "y"), "en").parameters()).hasSize(2);
  }

  @Test
  void checksTypeLanguageAndRequiredReferences() {
    assertThatThrownBy(() -> request("offer made", Map.of(), "en")).hasMessageContaining("type");
    assertThatThrownBy(() -> request("X".repeat(49), Map.of(), "en")).hasMessageContaining("type");
    assertThatThrownBy(() -> request("OFFER_MADE", Map.of(), "Chinese")).hasMessageContaining("language");
    assertThatThrownBy(() -> request("OFFER_MADE", Map.of(), null)).hasMessageContaining("language");
    assertThat(request("OFFER_MADE", Map.of(), "zh-Hans-CN").language()).isEqualTo("zh-Hans-CN");
    assertThatThrownBy(() -> NotificationRequest.of(" ", "OFFER_MADE", NotificationChannel.SMS, "C", "a", "A",
        "t", Map.of(), "en")).hasMessageContaining("idempotencyKey");
    assertThatThrownBy(() -> NotificationRequest.of("k", "OFFER_MADE", NotificationChannel.SMS, null, "a", "A",
        "t", Map.of(), "en")).hasMessageContaining("recipientRef");
    assertThatThrownBy(() -> NotificationRequest.of("k", "OFFER_MADE", null, "C", "a", "A", "t", Map.of(), "en"))
        .hasMessageContaining("channel");
    assertThatThrownBy(() -> NotificationRequest.of("k".repeat(201), "OFFER_MADE", NotificationChannel.SMS, "C",
        "a", "A", "t", Map.of(), "en")).hasMessageContaining("200");
  }
}
