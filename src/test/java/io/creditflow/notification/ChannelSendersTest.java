package io.creditflow.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.creditflow.notification.NotificationTemplates.RenderedMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The channel adapters on their own, without Spring: push body, time-outs, refused connections, masked errors. */
class ChannelSendersTest {

  private static final Recipient LI_WEI = new Recipient("CUST-1", "Li Wei", "+8613800138000", "li.wei@example.com");
  private static final RenderedMessage MESSAGE = new RenderedMessage("Loan LN1 is fully repaid",
      "Dear Li Wei, your loan LN1 was fully repaid.", "en");

  private static WireMockServer gateway;

  @BeforeAll
  static void start() {
    gateway = new WireMockServer(options().dynamicPort());
    gateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.stop();
  }

  @BeforeEach
  void reset() {
    gateway.resetAll();
  }

  private static Notification notification(NotificationChannel channel) {
    return new Notification(NotificationRequest.of("K-" + channel, "LOAN_SETTLED", channel, "CUST-1", "loan", "LN1",
        "servicing.loan-settled", Map.of("loanNumber", "LN1"), "en"), "{}", Instant.EPOCH, Instant.EPOCH);
  }

  private static HttpGatewaySender sender(HttpGatewaySender.Kind kind, String path, Duration readTimeout) {
    return new HttpGatewaySender(kind, new NotificationChannelProperties.Gateway(gateway.baseUrl() + path, null, null,
        Duration.ofSeconds(5), readTimeout));
  }

  @Test
  void pushGoesToThePushGatewayByCustomerIdWithoutContactData() {
    gateway.stubFor(post(urlEqualTo("/push")).willReturn(aResponse().withStatus(201)));
    Notification push = notification(NotificationChannel.APP_PUSH);

    sender(HttpGatewaySender.Kind.PUSH, "/push", Duration.ofSeconds(10)).deliver(push, LI_WEI, MESSAGE);

    gateway.verify(1, postRequestedFor(urlEqualTo("/push"))
        .withHeader("Idempotency-Key", equalTo(push.getId()))
        .withoutHeader("Authorization")
        .withRequestBody(equalToJson("{\"messageId\":\"" + push.getId() + "\",\"customerId\":\"CUST-1\","
            + "\"title\":\"Loan LN1 is fully repaid\",\"body\":\"Dear Li Wei, your loan LN1 was fully repaid.\","
            + "\"language\":\"en\"}")));
  }

  @Test
  void aTimeOutOrARefusedConnectionIsAFailedAttemptWithoutTheNumber() throws Exception {
    // the answer comes long after the read time-out, however slow the machine
    HttpGatewaySender sms = sender(HttpGatewaySender.Kind.SMS, "/sms", Duration.ofMillis(300));
    gateway.stubFor(post(urlEqualTo("/sms")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
    assertThatThrownBy(() -> sms.deliver(notification(NotificationChannel.SMS), LI_WEI, MESSAGE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("SMS gateway at " + gateway.baseUrl() + " could not be reached: ")
        .hasMessageNotContaining("+8613800138000");

    gateway.stubFor(post(urlEqualTo("/sms")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> sender(HttpGatewaySender.Kind.SMS, "/sms", Duration.ofSeconds(10))
        .deliver(notification(NotificationChannel.SMS), LI_WEI, MESSAGE))
        .hasMessageStartingWith("SMS gateway at " + gateway.baseUrl() + " could not be reached: ");

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpGatewaySender nowhere = new HttpGatewaySender(HttpGatewaySender.Kind.SMS, new NotificationChannelProperties
        .Gateway("http://127.0.0.1:" + closedPort + "/sms", "u", "p", Duration.ofSeconds(2), Duration.ofSeconds(2)));
    assertThatThrownBy(() -> nowhere.deliver(notification(NotificationChannel.SMS), LI_WEI, MESSAGE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("SMS gateway at http://127.0.0.1:" + closedPort + " could not be reached");
  }

  @Test
  void aMissingAddressOrAnUnreachableMailServerFailsWithTheAddressMasked() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(closedPort);
    EmailSender email = new EmailSender(mail, "no-reply@creditflow.test");

    assertThatThrownBy(() -> email.deliver(notification(NotificationChannel.EMAIL), LI_WEI, MESSAGE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Mail server refused or could not be reached: MailSendException")
        .hasMessageNotContaining("li.wei@example.com")
        .hasNoCause();

    Recipient noEmail = new Recipient("CUST-2", "Chen", "+8613800138001", " ");
    assertThatThrownBy(() -> email.deliver(notification(NotificationChannel.EMAIL), noEmail, MESSAGE))
        .hasMessage("Customer CUST-2 has no e-mail address");
    assertThat(noEmail.toString()).doesNotContain("+8613800138001").contains("+86*******8001");
  }
}
