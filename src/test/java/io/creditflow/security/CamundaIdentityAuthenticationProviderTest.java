package io.creditflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The HTTP Basic check against Camunda's identity service, and the short reuse of a successful one. */
class CamundaIdentityAuthenticationProviderTest {

  private final IdentityService identity = mock(IdentityService.class);
  private final GroupQuery groups = mock(GroupQuery.class);
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;

  @BeforeEach
  void camunda() {
    when(identity.checkPassword("channel", "right")).thenReturn(true);
    when(identity.checkPassword("officer", "secret")).thenReturn(true);
    when(identity.createGroupQuery()).thenReturn(groups);
    when(groups.groupMember(anyString())).thenReturn(groups);
    Group apiClients = mock(Group.class);
    when(apiClients.getId()).thenReturn("api-clients");
    when(groups.list()).thenReturn(List.of(apiClients));
  }

  private CamundaIdentityAuthenticationProvider provider(Duration ttl) {
    return new CamundaIdentityAuthenticationProvider(identity, new CredentialCacheProperties(ttl, 100), ticker);
  }

  private static Authentication basic(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }

  private static List<String> authorities(Authentication authentication) {
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  @Test
  void aSuccessfulCheckIsReusedWithinTheTimeToLive() {
    CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));

    Authentication first = provider.authenticate(basic("channel", "right"));
    nanos.addAndGet(Duration.ofSeconds(29).toNanos());
    Authentication second = provider.authenticate(basic("channel", "right"));

    assertThat(first.isAuthenticated()).isTrue();
    assertThat(second.isAuthenticated()).isTrue();
    assertThat(second.getName()).isEqualTo("channel");
    assertThat(second.getCredentials()).isNull();
    assertThat(authorities(second)).containsExactly("api-clients");
    verify(identity, times(1)).checkPassword("channel", "right");
    verify(identity, times(1)).createGroupQuery();
  }

  @Test
  void afterTheTimeToLiveCamundaIsAskedAgain() {
    CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));

    provider.authenticate(basic("channel", "right"));
    nanos.addAndGet(Duration.ofSeconds(31).toNanos());
    provider.authenticate(basic("channel", "right"));

    verify(identity, times(2)).checkPassword("channel", "right");
    verify(identity, times(2)).createGroupQuery();
  }

  @Test
  void anotherPasswordIsCheckedByCamundaAndAFailureEndsTheReuse() {
    CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
    provider.authenticate(basic("channel", "right"));

    assertThatThrownBy(() -> provider.authenticate(basic("channel", "wrong")))
        .isInstanceOf(BadCredentialsException.class);
    verify(identity).checkPassword("channel", "wrong");

    // Camunda's failed-attempt count and lock apply from here: the right password is checked again
    provider.authenticate(basic("channel", "right"));
    verify(identity, times(2)).checkPassword("channel", "right");
  }

  @Test
  void aLockedOrChangedPasswordIsRefusedOnceTheReuseEnds() {
    CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
    provider.authenticate(basic("channel", "right"));
    when(identity.checkPassword("channel", "right")).thenReturn(false);

    nanos.addAndGet(Duration.ofSeconds(31).toNanos());

    assertThatThrownBy(() -> provider.authenticate(basic("channel", "right")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> provider.authenticate(basic("channel", "right")))
        .isInstanceOf(BadCredentialsException.class);
    verify(identity, times(3)).checkPassword("channel", "right");
  }

  @Test
  void usersDoNotShareEntries() {
    CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));
    provider.authenticate(basic("channel", "right"));

    // the channel's password is not the officer's
    assertThatThrownBy(() -> provider.authenticate(basic("officer", "right")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(provider.authenticate(basic("officer", "secret")).getName()).isEqualTo("officer");
    verify(identity).checkPassword("officer", "right");
    verify(identity).checkPassword("officer", "secret");
  }

  @Test
  void aZeroTimeToLiveChecksEveryRequest() {
    CamundaIdentityAuthenticationProvider provider = provider(Duration.ZERO);

    provider.authenticate(basic("channel", "right"));
    provider.authenticate(basic("channel", "right"));
    provider.authenticate(basic("channel", "right"));

    verify(identity, times(3)).checkPassword("channel", "right");
    verify(identity, times(3)).createGroupQuery();
  }

  @Test
  void blankUsersAndMissingPasswordsNeverReachCamunda() {
    CamundaIdentityAuthenticationProvider provider = provider(Duration.ofSeconds(30));

    assertThatThrownBy(() -> provider.authenticate(basic(" ", "right")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> provider.authenticate(basic("channel", null)))
        .isInstanceOf(BadCredentialsException.class);
    verify(identity, never()).checkPassword(anyString(), anyString());
  }

  @Test
  void theTimeToLiveIsBounded() {
    assertThatThrownBy(() -> new CredentialCacheProperties(Duration.ofSeconds(-1), 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    assertThatThrownBy(() -> new CredentialCacheProperties(Duration.ofMinutes(11), 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    assertThatThrownBy(() -> new CredentialCacheProperties(Duration.ofSeconds(30), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-users");
    assertThat(new CredentialCacheProperties(Duration.ZERO, 1).enabled()).isFalse();
  }
}
