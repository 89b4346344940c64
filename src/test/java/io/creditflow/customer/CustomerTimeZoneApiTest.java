package io.creditflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.support.CreditFlowWebTest;
import io.creditflow.support.Http;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code PUT /api/customers/{id}/time-zone} over real HTTP: the zone the contact policy reads quiet hours in. */
@CreditFlowWebTest
class CustomerTimeZoneApiTest {

  @LocalServerPort int port;
  @Autowired CustomerService customers;
  @Autowired JdbcTemplate jdbc;

  Http http;
  String customerId;

  @BeforeEach
  void aCustomer() {
    http = new Http(port);
    customerId = customers.register(new CustomerService.PersonalDetails("TZ-" + UUID.randomUUID(), "Test Person",
        LocalDate.of(1990, 1, 1), "+8613800000000", "test@example.com", "en")).getId();
  }

  private String path() {
    return "/api/customers/" + customerId + "/time-zone";
  }

  private String stored() {
    return jdbc.queryForObject("SELECT time_zone FROM cf_customer WHERE id = ?", String.class, customerId);
  }

  @Test
  void aRegionZoneIsStoredAndNullClearsIt() {
    HttpResponse<String> set = http.putJson(path(), "{\"timeZone\": \"Europe/London\"}", "channel", "demo");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(set.body()).contains("\"timeZone\":\"Europe/London\"");
    assertThat(stored()).isEqualTo("Europe/London");
    assertThat(customers.get(customerId).getTimeZone()).isEqualTo("Europe/London");

    assertThat(http.putJson(path(), "{\"timeZone\": null}", "channel", "demo").statusCode()).isEqualTo(200);
    assertThat(stored()).isNull();
  }

  @Test
  void anythingButARegionZoneIsRefusedAndChangesNothing() {
    http.putJson(path(), "{\"timeZone\": \"Asia/Tokyo\"}", "channel", "demo");

    for (String bad : new String[] {"Mars/Olympus", "+08:00", "GMT+8", "", "Asia/Tokyo'; DROP TABLE cf_customer;--"}) {
      HttpResponse<String> answer = http.putJson(path(), "{\"timeZone\": \"" + bad + "\"}", "channel", "demo");
      assertThat(answer.statusCode()).as(bad + " -> " + answer.body()).isEqualTo(400);
    }
    assertThat(stored()).isEqualTo("Asia/Tokyo");
    assertThat(http.putJson("/api/customers/" + UUID.randomUUID() + "/time-zone", "{\"timeZone\": \"UTC\"}",
        "channel", "demo").statusCode()).isEqualTo(404);
  }

  @Test
  void onlyChannelsMaySetIt() {
    assertThat(http.putJson(path(), "{\"timeZone\": \"UTC\"}").statusCode()).isEqualTo(401);
    assertThat(http.putJson(path(), "{\"timeZone\": \"UTC\"}", "collector", "demo").statusCode()).isEqualTo(403);
    assertThat(stored()).isNull();
  }
}
