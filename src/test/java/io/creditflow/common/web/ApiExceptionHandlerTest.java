package io.creditflow.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.CreditFlowWebTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

/** The sentences a client developer reads when a body cannot be read, with the application's own JSON settings. */
@CreditFlowWebTest
class ApiExceptionHandlerTest {

  enum Channel { MOBILE_APP, WEB }

  record Item(String name, int quantity) {}

  record Sample(Channel channel, BigDecimal amount, LocalDate valueDate, List<Item> items) {}

  @Autowired
  ObjectMapper json;

  @Test
  void unknownEnumValuesListTheAcceptedOnes() {
    assertThat(describe("{\"channel\": \"FAX\"}"))
        .isEqualTo("Field 'channel': 'FAX' is not one of MOBILE_APP, WEB.");
  }

  @Test
  void nestedFieldsAreNamedByTheirPath() {
    assertThat(describe("{\"items\": [{\"name\": \"a\", \"quantity\": \"two\"}]}"))
        .startsWith("Field 'items[0].quantity':");
  }

  @Test
  void numbersAndDatesAreNotGuessedFromOtherTypes() {
    assertThat(describe("{\"amount\": \"12.00\"}")).startsWith("Field 'amount':");
    assertThat(describe("{\"valueDate\": 20270131}")).isEqualTo("Field 'valueDate': expected date (yyyy-MM-dd).");
    assertThat(describe("{\"items\": [{\"name\": \"a\", \"quantity\": 1.5}]}"))
        .startsWith("Field 'items[0].quantity':");
  }

  @Test
  void longValuesAreNotEchoedInFull() {
    String longValue = "X".repeat(500);
    assertThat(describe("{\"channel\": \"" + longValue + "\"}")).hasSizeLessThan(120).contains("…");
  }

  @Test
  void syntaxErrorsGiveTheirPosition() {
    assertThat(describe("{\n  \"amount\": 12,,\n}")).startsWith("Malformed JSON at line 2");
  }

  private String describe(String body) {
    Throwable failure = catchThrowable(() -> json.readValue(body, Sample.class));
    assertThat(failure).as("the body should not be readable: " + body).isNotNull();
    return ApiExceptionHandler.describe(new HttpMessageNotReadableException(failure.getMessage(), failure,
        new MockHttpInputMessage(body.getBytes(StandardCharsets.UTF_8))));
  }
}
