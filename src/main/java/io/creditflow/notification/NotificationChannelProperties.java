package io.creditflow.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications reach customers, under {@code creditflow.notifications.*} (next to the dispatcher's
 * {@link NotificationProperties}). Checked when bound: {@code delivery=live} without an SMS gateway or a sender
 * address stops start-up with Spring Boot's "failed to bind" report instead of failing every notification later.
 * The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param delivery {@code log} (default: SMS, e-mail and push are written to the log, masked, and count as sent) or
 *                 {@code live} (SMS and push through HTTP gateways, e-mail over SMTP). Letters are stored for
 *                 printing in both.
 * @param sms      the SMS gateway; required when live
 * @param push     the push gateway; optional: without a URL, APP_PUSH notifications go out by SMS when live
 * @param email    the e-mail sender
 */
@ConfigurationProperties("creditflow.notifications")
public record NotificationChannelProperties(
    @DefaultValue("log") Delivery delivery,
    @DefaultValue Gateway sms,
    @DefaultValue Gateway push,
    @DefaultValue Email email) {

  public NotificationChannelProperties {
    if (delivery == Delivery.LIVE) {
      List<String> problems = new ArrayList<>();
      sms.check("sms", true, problems);
      push.check("push", false, problems);
      if (email.from() == null || email.from().isBlank()) {
        problems.add("creditflow.notifications.email.from is missing");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("creditflow.notifications.delivery=live needs its channels: "
            + String.join("; ", problems) + ".");
      }
    }
  }

  /** Whether notifications really leave the application. */
  public enum Delivery { LOG, LIVE }

  /**
   * An HTTP gateway (SMS or push).
   *
   * @param url            the endpoint messages are POSTed to, e.g. {@code https://sms.example/v1/messages}
   * @param username       HTTP Basic user; none when blank
   * @param password       HTTP Basic password (never printed)
   * @param connectTimeout time to establish the connection
   * @param readTimeout    time to wait for the answer; with connect-timeout well within the dispatcher's
   *                       {@code claim-timeout}
   */
  public record Gateway(
      String url,
      String username,
      String password,
      @DefaultValue("2s") Duration connectTimeout,
      @DefaultValue("5s") Duration readTimeout) {

    /** Whether a URL is configured. */
    public boolean configured() {
      return url != null && !url.isBlank();
    }

    void check(String name, boolean required, List<String> problems) {
      String prefix = "creditflow.notifications." + name + ".";
      if (!configured()) {
        if (required) {
          problems.add(prefix + "url is missing");
        }
        return;
      }
      if (!isHttpUrl(url)) {
        problems.add(prefix + "url must be an absolute http(s) URL without user info");
      }
      if (!isPositive(connectTimeout)) {
        problems.add(prefix + "connect-timeout must be positive");
      }
      if (!isPositive(readTimeout)) {
        problems.add(prefix + "read-timeout must be positive");
      }
    }

    @Override
    public String toString() {
      return "Gateway[url=" + url + ", username=" + username + ", password="
          + (password == null ? "null" : "****") + ", connectTimeout=" + connectTimeout + ", readTimeout="
          + readTimeout + "]";
    }

    private static boolean isPositive(Duration duration) {
      return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static boolean isHttpUrl(String value) {
      try {
        URI uri = new URI(value);
        return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
            && uri.getUserInfo() == null && uri.getFragment() == null;
      } catch (URISyntaxException e) {
        return false;
      }
    }
  }

  /** @param from the sender address of customer e-mail, e.g. {@code CreditFlow <no-reply@creditflow.example>} */
  public record Email(String from) {}
}
