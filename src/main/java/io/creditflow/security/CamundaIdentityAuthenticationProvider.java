package io.creditflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service: one user store for staff (webapps, engine REST)
 * and systems (our API). The authorities are the user's Camunda group ids, e.g. {@code camunda-admin}.
 * Camunda throttles repeated failed logins per user (engine setting {@code loginMaxAttempts}).
 *
 * <p>Stateless clients send their credentials with every request, and each check is two engine commands with a
 * query each (the password, then the groups). A user's last successful check is therefore reused for
 * {@code creditflow.security.credential-cache.ttl} (30 s; {@code PT0S} turns reuse off), as Spring Security's
 * {@code UserCache} does for stateless clients ("the overhead of accessing a database ... to validate would be
 * excessive", Javadoc of {@code org.springframework.security.core.userdetails.UserCache}). The rules:
 * <ul>
 *   <li>Only a success is kept, per user, as an HMAC of user and password under a key made at start-up (never the
 *       password), compared in constant time. A request with any other password goes to Camunda.</li>
 *   <li>A failed check drops the user's entry, so Camunda's counting of failed attempts and its lock apply to every
 *       request from then on.</li>
 *   <li>A password change, a lock or a group change made in Camunda Admin takes effect on each node within the
 *       time-to-live.</li>
 * </ul>
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private static final String MAC = "HmacSHA256";

  /** A successful check: which credentials (their HMAC) and the groups they gave. */
  private record Verified(byte[] credentials, List<GrantedAuthority> authorities) {}

  private final IdentityService identityService;
  /** By user id; null when reuse is off. */
  private final Cache<String, Verified> verified;
  private final SecretKeySpec key;

  @Autowired
  public CamundaIdentityAuthenticationProvider(IdentityService identityService, CredentialCacheProperties cache) {
    this(identityService, cache, Ticker.systemTicker());
  }

  CamundaIdentityAuthenticationProvider(IdentityService identityService, CredentialCacheProperties cache,
      Ticker ticker) {
    this.identityService = identityService;
    this.verified = cache.enabled()
        ? Caffeine.newBuilder().expireAfterWrite(cache.ttl()).maximumSize(cache.maxUsers()).ticker(ticker).build()
        : null;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, MAC);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
      throw new BadCredentialsException("Bad credentials");
    }
    byte[] presented = verified == null ? null : hmac(userId, password);
    if (presented != null) {
      Verified known = verified.getIfPresent(userId);
      if (known != null && MessageDigest.isEqual(known.credentials(), presented)) {
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, known.authorities());
      }
    }
    if (!identityService.checkPassword(userId, password)) {
      if (verified != null) {
        verified.invalidate(userId);
      }
      throw new BadCredentialsException("Bad credentials");
    }
    List<GrantedAuthority> authorities = groupAuthorities(userId);
    if (verified != null) {
      verified.put(userId, new Verified(presented, authorities));
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  private List<GrantedAuthority> groupAuthorities(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .<GrantedAuthority>map(SimpleGrantedAuthority::new)
        .toList();
  }

  /** HMAC-SHA256 of user id and password under this node's start-up key (a NUL between them). */
  private byte[] hmac(String userId, String password) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(MAC + " is not available", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
