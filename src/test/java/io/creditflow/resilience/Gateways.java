package io.creditflow.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outside world the nodes deliver to, running in the test JVM so that every delivery can be counted: a WireMock
 * SMS gateway (push goes by SMS: no push URL is configured) that answers 202 to every message, and a GreenMail SMTP
 * server. Deliveries are counted per notification id: the SMS gateway's {@code Idempotency-Key} header, the e-mail's
 * {@code X-CreditFlow-Notification} header.
 */
final class Gateways implements AutoCloseable {

  static final String SMS_PATH = "/v1/messages";

  private final WireMockServer sms = new WireMockServer(WireMockConfiguration.options().dynamicPort()
      .bindAddress("127.0.0.1").containerThreads(20));
  private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  Gateways start() {
    sms.start();
    sms.stubFor(post(urlEqualTo(SMS_PATH)).willReturn(aResponse().withStatus(202)));
    mail.start();
    return this;
  }

  String smsUrl() {
    return "http://127.0.0.1:" + sms.port() + SMS_PATH;
  }

  int smtpPort() {
    return mail.getSmtp().getPort();
  }

  /** SMS gateway requests per {@code Idempotency-Key} (= notification id). */
  Map<String, Long> smsByNotification() {
    return sms.getAllServeEvents().stream()
        .map(ServeEvent::getRequest)
        .filter(request -> request.getUrl().equals(SMS_PATH))
        .collect(Collectors.groupingBy(request -> String.valueOf(request.getHeader("Idempotency-Key")), TreeMap::new,
            Collectors.counting()));
  }

  /** E-mails received per {@code X-CreditFlow-Notification} header (= notification id). */
  Map<String, Long> mailByNotification() {
    return java.util.Arrays.stream(mail.getReceivedMessages())
        .map(Gateways::notificationId)
        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
  }

  /** Every delivery, SMS and e-mail, per notification id. */
  Map<String, Long> deliveriesByNotification() {
    Map<String, Long> all = new TreeMap<>(smsByNotification());
    mailByNotification().forEach((id, count) -> all.merge(id, count, Long::sum));
    return all;
  }

  private static String notificationId(MimeMessage message) {
    try {
      String[] header = message.getHeader("X-CreditFlow-Notification");
      return header == null || header.length == 0 ? "(none)" : header[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      sms.stop();
    } finally {
      mail.stop();
    }
  }
}
