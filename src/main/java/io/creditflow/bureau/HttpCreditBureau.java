package io.creditflow.bureau;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The real credit bureau over HTTP ({@code creditflow.bureau.mode=http}), with Spring's {@link RestClient}.
 *
 * <p>Request: {@code POST {baseUrl}/v1/credit-reports} with HTTP Basic ({@code creditflow.bureau.http.username} and
 * {@code password}) and the body {@code {"nationalId": "...", "purpose": "CREDIT_APPLICATION"}}. Connect and read
 * time-outs come from {@code creditflow.bureau.http.connect-timeout} and {@code read-timeout}.
 *
 * <p>Answer {@code 200}, JSON; fields not listed here are ignored:
 * <pre>{@code
 * {
 *   "reportId": "CB-2027-000123",              required: the bureau's reference -> bureauReference
 *   "thinFile": false,                          optional, default false; when true no other field is read
 *   "score": 742,                               required, 300-900 -> bureauScore
 *   "monthsOnFile": 96,                         required
 *   "openAccounts": 4,                          required
 *   "delinquencies12m": 0,                      required
 *   "maxDaysPastDue24m": 0,                     required
 *   "publicRecords": { "bankruptcy": false },   required -> bankruptcy
 *   "fraudAlert": false,                        required
 *   "totalMonthlyObligations": 1250.00          required, decimal -> reportedMonthlyDebt
 * }
 * }</pre>
 *
 * <p>Answer {@code 404} with {@code {"result": "NO_HIT", "reportId": "..."}} ({@code reportId} optional): the bureau
 * has no file on this person, which is a {@linkplain BureauReport#thinFile thin-file} report, not a fault. A 404
 * without that body (a wrong base URL behind a proxy, say) is a fault: otherwise every applicant would quietly become
 * a thin file.
 *
 * <p>Everything else throws {@link BureauUnavailableException}, so that the service task retries and ends in an
 * incident: 5xx and other statuses, time-outs, refused connections, malformed or incomplete bodies, and 401/403
 * (our credentials are wrong: an operator must act). The messages never contain the national id, and Jackson's
 * parse errors are not chained because they may quote the body.
 *
 * <p>{@code retrievedAt} is CreditFlow's engine clock when the answer arrived, in whole seconds.
 */
public class HttpCreditBureau implements CreditBureau {

  static final String PATH = "/v1/credit-reports";
  static final String PURPOSE = "CREDIT_APPLICATION";

  private static final Logger log = LoggerFactory.getLogger(HttpCreditBureau.class);

  private final RestClient restClient;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final String origin;

  /** The request body; nothing else about the applicant is sent. */
  record CreditReportRequest(String nationalId, String purpose) {}

  public HttpCreditBureau(BureauProperties.Http settings, Clock clock) {
    settings.requireComplete();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.mapper = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
    HttpClient httpClient = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
    requestFactory.setReadTimeout(settings.readTimeout());
    this.restClient = RestClient.builder()
        .requestFactory(requestFactory)
        .baseUrl(settings.baseUrl().replaceAll("/+$", ""))
        .defaultHeaders(headers -> headers.setBasicAuth(settings.username(), settings.password(),
            StandardCharsets.UTF_8))
        .messageConverters(converters -> {
          converters.clear();
          converters.add(new MappingJackson2HttpMessageConverter(mapper));
        })
        .build();
    this.origin = settings.origin();
  }

  @Override
  public BureauReport fetch(String nationalId) {
    if (nationalId == null || nationalId.isBlank()) {
      throw new IllegalArgumentException("nationalId is required");
    }
    try {
      BureauReport report = restClient.post()
          .uri(PATH)
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON)
          .body(new CreditReportRequest(nationalId, PURPOSE))
          .exchange((request, response) -> toReport(response));
      log.info("Credit bureau report {} received (thin file: {})", report.bureauReference(), report.thinFile());
      return report;
    } catch (RestClientException e) {
      // time-outs, refused connections, broken streams; the message names the URL, which holds no personal data
      throw new BureauUnavailableException("Credit bureau at " + origin + " could not be reached: "
          + e.getMostSpecificCause().getClass().getSimpleName() + " (" + e.getMessage() + ")", e);
    }
  }

  private BureauReport toReport(ClientHttpResponse response) throws IOException {
    int status = response.getStatusCode().value();
    if (status == 200) {
      return report(read(response, "report"));
    }
    if (status == 404) {
      return noHit(response);
    }
    if (status == 401 || status == 403) {
      throw new BureauUnavailableException("Credit bureau at " + origin + " rejected CreditFlow's credentials (HTTP "
          + status + "). An operator must act: check creditflow.bureau.http.username and password; retries will "
          + "fail until then.");
    }
    throw new BureauUnavailableException("Credit bureau at " + origin + " answered HTTP " + status
        + " to a credit report request");
  }

  private BureauReport noHit(ClientHttpResponse response) throws IOException {
    JsonNode body;
    try {
      body = mapper.readTree(response.getBody());
    } catch (JsonProcessingException e) {
      body = null;
    }
    if (body == null || !"NO_HIT".equals(body.path("result").asText(null))) {
      throw new BureauUnavailableException("Credit bureau at " + origin + " answered HTTP 404 without a NO_HIT "
          + "result: check creditflow.bureau.http.base-url");
    }
    String reportId = body.path("reportId").asText(null);
    String reference = reportId == null || reportId.isBlank()
        ? "NOHIT-" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT)
        : reportId;
    return BureauReport.thinFile(reference, now());
  }

  private JsonNode read(ClientHttpResponse response, String what) throws IOException {
    try {
      JsonNode body = mapper.readTree(response.getBody());
      if (body == null || !body.isObject()) {
        throw malformed("the " + what + " is not a JSON object");
      }
      return body;
    } catch (JsonProcessingException e) {
      // not chained: Jackson's message may quote the body, and Camunda stores the stack trace with the incident
      throw malformed("the " + what + " is not valid JSON (" + e.getClass().getSimpleName()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr()) + ")");
    }
  }

  private BureauReport report(JsonNode body) {
    List<String> missing = new ArrayList<>();
    String reportId = text(body, "reportId", missing);
    if (!missing.isEmpty()) {
      throw malformed("the report has no reportId");
    }
    JsonNode thinFile = body.get("thinFile");
    if (thinFile != null && !thinFile.isNull()) {
      if (!thinFile.isBoolean()) {
        throw malformed("thinFile is not a boolean");
      }
      if (thinFile.booleanValue()) {
        return BureauReport.thinFile(reportId, now());
      }
    }
    Integer score = integer(body, "score", missing);
    Integer monthsOnFile = integer(body, "monthsOnFile", missing);
    Integer openAccounts = integer(body, "openAccounts", missing);
    Integer delinquencies = integer(body, "delinquencies12m", missing);
    Integer maxDaysPastDue = integer(body, "maxDaysPastDue24m", missing);
    Boolean bankruptcy = bool(body.path("publicRecords"), "publicRecords.bankruptcy", "bankruptcy", missing);
    Boolean fraudAlert = bool(body, "fraudAlert", "fraudAlert", missing);
    BigDecimal monthlyDebt = decimal(body, "totalMonthlyObligations", missing);
    if (!missing.isEmpty()) {
      throw malformed("report " + reportId + " lacks or mistypes " + String.join(", ", missing));
    }
    try {
      return new BureauReport(reportId, score, false, monthsOnFile, openAccounts, delinquencies, maxDaysPastDue,
          bankruptcy, fraudAlert, monthlyDebt, now());
    } catch (IllegalArgumentException e) {
      throw malformed("report " + reportId + " is out of range: " + e.getMessage());
    }
  }

  private BureauUnavailableException malformed(String why) {
    return new BureauUnavailableException("Credit bureau at " + origin + " sent an unusable answer: " + why);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String text(JsonNode body, String field, List<String> missing) {
    JsonNode node = body.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      missing.add(field);
      return null;
    }
    return node.asText();
  }

  private static Integer integer(JsonNode body, String field, List<String> missing) {
    JsonNode node = body.get(field);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
      missing.add(field);
      return null;
    }
    return node.intValue();
  }

  private static Boolean bool(JsonNode parent, String name, String field, List<String> missing) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isBoolean()) {
      missing.add(name);
      return null;
    }
    return node.booleanValue();
  }

  private static BigDecimal decimal(JsonNode body, String field, List<String> missing) {
    JsonNode node = body.get(field);
    if (node == null || !node.isNumber()) {
      missing.add(field);
      return null;
    }
    return node.decimalValue();
  }
}
