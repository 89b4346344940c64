package io.creditflow.common;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code creditflow.*}.
 *
 * @param timeZone the zone in which business dates and local times (quiet hours, due dates) are read
 * @param demo     embedded-default conveniences (demo users, movable clock); off in production profiles
 * @param admin    the first administrator when demo users are off; from the environment
 */
@ConfigurationProperties("creditflow")
public record CreditFlowProperties(
    @DefaultValue("Asia/Shanghai") ZoneId timeZone,
    @DefaultValue Demo demo,
    @DefaultValue Admin admin) {

  /** @param enabled demo users with password "demo" and the {@code /api/admin/clock} endpoint */
  public record Demo(@DefaultValue("false") boolean enabled) {}

  /** @param user id of the first {@code camunda-admin} user; @param password its initial password */
  public record Admin(String user, String password) {

    public boolean isComplete() {
      return user != null && !user.isBlank() && password != null && !password.isBlank();
    }
  }
}
