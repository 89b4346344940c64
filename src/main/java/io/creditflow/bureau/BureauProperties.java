package io.creditflow.bureau;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code creditflow.bureau.*}. Checked when bound, so that {@code mode=http} without an address or
 * credentials stops start-up with Spring Boot's "failed to bind" report instead of failing every application later.
 *
 * @param mode which bureau: {@code sandbox} (default, fixed personas) or {@code http} (the real bureau)
 * @param http the real bureau; used when mode is {@code http}
 */
@ConfigurationProperties("creditflow.bureau")
public record BureauProperties(@DefaultValue("sandbox") Mode mode, @DefaultValue Http http) {

  public BureauProperties {
    if (mode == Mode.HTTP) {
      http.requireComplete();
    }
  }

  /** Which {@link CreditBureau} the application uses. */
  public enum Mode { SANDBOX, HTTP }

  /**
   * @param baseUrl        e.g. {@code https://bureau.example.com}; reports: {@code {baseUrl}/v1/credit-reports}
   * @param connectTimeout time to establish the connection
   * @param readTimeout    time to wait for the answer
   * @param username       HTTP Basic user
   * @param password       HTTP Basic password (never printed)
   */
  public record Http(
      String baseUrl,
      @DefaultValue("2s") Duration connectTimeout,
      @DefaultValue("5s") Duration readTimeout,
      String username,
      String password) {

    void requireComplete() {
      List<String> problems = new ArrayList<>();
      if (isBlank(baseUrl)) {
        problems.add("creditflow.bureau.http.base-url is missing");
      } else if (!isHttpUrl(baseUrl)) {
        problems.add("creditflow.bureau.http.base-url must be an absolute http(s) URL without user info");
      }
      if (isBlank(username)) {
        problems.add("creditflow.bureau.http.username is missing");
      }
      if (isBlank(password)) {
        problems.add("creditflow.bureau.http.password is missing");
      }
      if (!isPositive(connectTimeout)) {
        problems.add("creditflow.bureau.http.connect-timeout must be positive");
      }
      if (!isPositive(readTimeout)) {
        problems.add("creditflow.bureau.http.read-timeout must be positive");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("creditflow.bureau.mode=http needs the bureau's address and credentials: "
            + String.join("; ", problems) + ".");
      }
    }

    /** The address without path, for logs. */
    String origin() {
      URI uri = URI.create(baseUrl);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    @Override
    public String toString() {
      return "Http[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
          + ", username=" + username + ", password=" + (password == null ? "null" : "****") + "]";
    }

    private static boolean isBlank(String value) {
      return value == null || value.isBlank();
    }

    private static boolean isPositive(Duration duration) {
      return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static boolean isHttpUrl(String value) {
      try {
        URI uri = new URI(value);
        return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
            && uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null;
      } catch (URISyntaxException e) {
        return false;
      }
    }
  }
}
