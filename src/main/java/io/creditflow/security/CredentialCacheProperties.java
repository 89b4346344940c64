package io.creditflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code creditflow.security.credential-cache.*}: how long a successful HTTP Basic check is reused
 * ({@link CamundaIdentityAuthenticationProvider}).
 *
 * @param ttl      how long a user's last successful check (password and groups) is reused before Camunda's identity
 *                 service is asked again; a password change, a lock or a group change made in Camunda Admin takes
 *                 effect on this node within this time. {@code PT0S} checks every request against the database.
 * @param maxUsers how many users' checks are kept at most (least recently used go first)
 */
@ConfigurationProperties("creditflow.security.credential-cache")
public record CredentialCacheProperties(
    @DefaultValue("PT30S") Duration ttl,
    @DefaultValue("10000") int maxUsers) {

  public CredentialCacheProperties {
    if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "creditflow.security.credential-cache.ttl must be between PT0S and PT10M, was " + ttl);
    }
    if (maxUsers < 1) {
      throw new IllegalArgumentException(
          "creditflow.security.credential-cache.max-users must be at least 1, was " + maxUsers);
    }
  }

  /** Whether checks are reused at all. */
  boolean enabled() {
    return !ttl.isZero();
  }
}
