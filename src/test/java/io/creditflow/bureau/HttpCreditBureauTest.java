package io.creditflow.bureau;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.creditflow.support.Http;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against a local WireMock bureau on a random port; no Spring context. */
class HttpCreditBureauTest {

  private static final String NATIONAL_ID = "110101199003071234";
  private static final String USER = "creditflow-client";
  private static final String PASSWORD = "s3cret:with-colon";
  private static final Instant NOW = Instant.parse("2027-03-01T10:15:30.900Z");

  private static WireMockServer server;

  private HttpCreditBureau bureau;

  @BeforeAll
  static void startBureau() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stopBureau() {
    server.stop();
  }

  @BeforeEach
  void setUp() {
    server.resetAll();
    bureau = bureauAt(server.baseUrl() + "/", Duration.ofSeconds(5));
  }

  /** Generous time-outs except where a test is about them: the first request of a JVM is slow. */
  private static HttpCreditBureau bureauAt(String baseUrl, Duration readTimeout) {
    return new HttpCreditBureau(
        new BureauProperties.Http(baseUrl, Duration.ofSeconds(2), readTimeout, USER, PASSWORD),
        Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
  }

  private static void answer(ResponseDefinitionBuilder response) {
    server.stubFor(post(urlEqualTo("/v1/credit-reports")).willReturn(response));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  @Test
  void mapsAReportAndSendsBasicAuthAndTheDocumentedBody() {
    answer(json(200, """
        {
          "reportId": "CB-2027-000123",
          "score": 742,
          "thinFile": false,
          "monthsOnFile": 96,
          "openAccounts": 4,
          "delinquencies12m": 1,
          "maxDaysPastDue24m": 30,
          "publicRecords": {"bankruptcy": true, "judgments": 0},
          "fraudAlert": true,
          "totalMonthlyObligations": 1250.75,
          "someFutureField": {"ignored": true}
        }"""));

    BureauReport report = bureau.fetch(NATIONAL_ID);

    assertThat(report).isEqualTo(new BureauReport("CB-2027-000123", 742, false, 96, 4, 1, 30, true, true,
        new BigDecimal("1250.75"), Instant.parse("2027-03-01T10:15:30Z")));
    server.verify(1, postRequestedFor(urlEqualTo("/v1/credit-reports"))
        .withBasicAuth(new BasicCredentials(USER, PASSWORD))
        .withHeader("Authorization", equalTo(Http.basic(USER, PASSWORD)))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(
            "{\"nationalId\": \"" + NATIONAL_ID + "\", \"purpose\": \"CREDIT_APPLICATION\"}")));
  }

  @Test
  void aThinFileInA200IsAThinFileReport() {
    answer(json(200, "{\"reportId\": \"CB-THIN-1\", \"thinFile\": true}"));

    BureauReport report = bureau.fetch(NATIONAL_ID);

    assertThat(report.thinFile()).isTrue();
    assertThat(report.bureauScore()).isZero();
    assertThat(report.bureauReference()).isEqualTo("CB-THIN-1");
  }

  @Test
  void aNoHit404IsAThinFile() {
    answer(json(404, "{\"result\": \"NO_HIT\", \"reportId\": \"CB-NOHIT-77\"}"));

    BureauReport report = bureau.fetch(NATIONAL_ID);

    assertThat(report.thinFile()).isTrue();
    assertThat(report.bureauScore()).isZero();
    assertThat(report.monthsOnFile()).isZero();
    assertThat(report.openAccounts()).isZero();
    assertThat(report.bureauReference()).isEqualTo("CB-NOHIT-77");
    assertThat(report.retrievedAt()).isEqualTo(Instant.parse("2027-03-01T10:15:30Z"));

    answer(json(404, "{\"result\": \"NO_HIT\"}"));
    assertThat(bureau.fetch(NATIONAL_ID).bureauReference()).startsWith("NOHIT-");
  }

  @Test
  void a404WithoutANoHitAnswerIsAFaultNotAThinFile() {
    answer(aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("<h1>Not Found</h1>"));

    assertUnavailable().hasMessageContaining("404").hasMessageContaining("base-url");
  }

  @Test
  void a500IsUnavailable() {
    answer(json(500, "{\"error\": \"internal\", \"nationalId\": \"" + NATIONAL_ID + "\"}"));

    assertUnavailable().hasMessageContaining("HTTP 500");
  }

  @Test
  void a503IsUnavailable() {
    answer(aResponse().withStatus(503));

    assertUnavailable().hasMessageContaining("HTTP 503");
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutIsUnavailable() {
    answer(json(200, "{\"reportId\": \"CB-SLOW\", \"thinFile\": true}").withFixedDelay(5_000));
    bureau = bureauAt(server.baseUrl(), Duration.ofMillis(400));

    long started = System.nanoTime();
    assertUnavailable().hasMessageContaining("could not be reached").hasMessageContaining("Timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4_000));
  }

  @Test
  void malformedJsonIsUnavailableAndDoesNotQuoteTheBody() {
    answer(json(200, "{\"reportId\": \"CB-1\", \"score\": " + NATIONAL_ID + "x"));

    assertUnavailable().hasMessageContaining("not valid JSON").hasNoCause();
  }

  @Test
  void anIncompleteOrImpossibleReportIsUnavailable() {
    answer(json(200, "{\"reportId\": \"CB-2\", \"score\": 742, \"monthsOnFile\": 96}"));
    assertUnavailable().hasMessageContaining("openAccounts").hasMessageContaining("fraudAlert")
        .hasMessageContaining("publicRecords.bankruptcy").hasMessageContaining("totalMonthlyObligations");

    answer(json(200, """
        {"reportId": "CB-3", "score": 950, "monthsOnFile": 96, "openAccounts": 4, "delinquencies12m": 0,
         "maxDaysPastDue24m": 0, "publicRecords": {"bankruptcy": false}, "fraudAlert": false,
         "totalMonthlyObligations": 10}"""));
    assertUnavailable().hasMessageContaining("out of range").hasMessageContaining("bureauScore");

    answer(json(200, """
        {"reportId": "CB-4", "score": "742", "monthsOnFile": 96, "openAccounts": 4, "delinquencies12m": 0,
         "maxDaysPastDue24m": 0, "publicRecords": {"bankruptcy": false}, "fraudAlert": false,
         "totalMonthlyObligations": 10}"""));
    assertUnavailable().hasMessageContaining("score");

    answer(json(200, "[]"));
    assertUnavailable().hasMessageContaining("not a JSON object");

    answer(aResponse().withStatus(200));
    assertUnavailable().hasMessageContaining("not a JSON object");
  }

  @Test
  void rejectedCredentialsAreUnavailableAndAskForAnOperator() {
    answer(json(401, "{\"error\": \"unauthorized\"}"));
    assertUnavailable().hasMessageContaining("HTTP 401").hasMessageContaining("operator must act")
        .hasMessageContaining("creditflow.bureau.http.username");

    answer(json(403, "{\"error\": \"forbidden\"}"));
    assertUnavailable().hasMessageContaining("HTTP 403").hasMessageContaining("operator must act");
  }

  @Test
  void aBrokenConnectionIsUnavailable() {
    answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    assertUnavailable().hasMessageContaining("could not be reached");

    answer(aResponse().withFault(Fault.EMPTY_RESPONSE));
    assertUnavailable();
  }

  @Test
  void aRefusedConnectionIsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    bureau = bureauAt("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5));

    assertUnavailable().hasMessageContaining("could not be reached").hasMessageContaining("127.0.0.1:" + closedPort);
  }

  @Test
  void anIncompleteConfigurationIsRefused() {
    assertThatThrownBy(() -> bureauAt(" ", Duration.ofSeconds(5)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("creditflow.bureau.http.base-url is missing");
  }

  /** Asserts a BureauUnavailableException whose messages, causes included, never contain the national id. */
  private AbstractThrowableAssert<?, ? extends Throwable> assertUnavailable() {
    Throwable thrown = catchThrowable(() -> bureau.fetch(NATIONAL_ID));
    assertThat(thrown).isInstanceOf(BureauUnavailableException.class);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(NATIONAL_ID);
    }
    return assertThat(thrown);
  }
}
