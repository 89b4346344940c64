package io.creditflow.notification;

import io.creditflow.notification.NotificationTemplates.RenderedMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * SMS and push through an HTTP gateway ({@code creditflow.notifications.delivery=live}), with Spring's
 * {@link RestClient}: {@code POST {url}} with HTTP Basic (when a username is set), JSON, and the header
 * {@code Idempotency-Key: <notification id>} so that a gateway that honours it drops a repeated delivery (the outbox
 * delivers at least once). The header is the one of the IETF HTTPAPI draft "The Idempotency-Key HTTP Header Field"
 * (datatracker.ietf.org, draft-ietf-httpapi-idempotency-key-header).
 *
 * <pre>{@code
 * SMS:  {"messageId": "<notification id>", "to": "+8613800138000", "text": "<body>", "language": "zh-CN"}
 * push: {"messageId": "<notification id>", "customerId": "<customer id>", "title": "<subject>", "body": "<body>",
 *        "language": "zh-CN"}
 * }</pre>
 *
 * Any 2xx is a delivery. Any other status, a time-out ({@code connect-timeout}, {@code read-timeout}) or a refused
 * connection is a failed attempt; the error names the gateway's origin and the status, never the number or the text.
 */
class HttpGatewaySender implements ChannelSender {

  private static final Logger log = LoggerFactory.getLogger(HttpGatewaySender.class);

  /** What the gateway delivers. */
  enum Kind { SMS, PUSH }

  record SmsMessage(String messageId, String to, String text, String language) {}

  record PushMessage(String messageId, String customerId, String title, String body, String language) {}

  private final Kind kind;
  private final RestClient restClient;
  private final String url;
  private final String origin;

  HttpGatewaySender(Kind kind, NotificationChannelProperties.Gateway settings) {
    this.kind = kind;
    HttpClient httpClient = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
    requestFactory.setReadTimeout(settings.readTimeout());
    RestClient.Builder builder = RestClient.builder().requestFactory(requestFactory);
    if (settings.username() != null && !settings.username().isBlank()) {
      builder.defaultHeaders(headers -> headers.setBasicAuth(settings.username(),
          settings.password() == null ? "" : settings.password(), StandardCharsets.UTF_8));
    }
    this.restClient = builder.build();
    this.url = settings.url();
    URI uri = URI.create(settings.url());
    this.origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  @Override
  public void deliver(Notification notification, Recipient recipient, RenderedMessage message) {
    Object body = switch (kind) {
      case SMS -> new SmsMessage(notification.getId(), recipient.address(NotificationChannel.SMS), message.body(),
          message.language());
      case PUSH -> new PushMessage(notification.getId(), recipient.customerId(), message.subject(), message.body(),
          message.language());
    };
    int status;
    try {
      status = restClient.post()
          .uri(URI.create(url))
          .contentType(MediaType.APPLICATION_JSON)
          .header("Idempotency-Key", notification.getId())
          .body(body)
          .exchange((request, response) -> response.getStatusCode().value());
    } catch (RestClientException e) {
      // time-outs, refused connections; the message names the gateway, which holds no personal data
      throw new IllegalStateException(kind + " gateway at " + origin + " could not be reached: "
          + e.getMostSpecificCause().getClass().getSimpleName());
    }
    if (status < 200 || status > 299) {
      throw new IllegalStateException(kind + " gateway at " + origin + " answered HTTP " + status);
    }
    log.info("Notification {} {} via {} delivered to the {} gateway for {} (HTTP {})", notification.getId(),
        notification.getType(), notification.getChannel(), kind, recipient.masked(channelOf(kind)), status);
  }

  private static NotificationChannel channelOf(Kind kind) {
    return kind == Kind.SMS ? NotificationChannel.SMS : NotificationChannel.APP_PUSH;
  }
}
