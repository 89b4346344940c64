package io.creditflow.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the caller is authenticated as, and their groups. */
@RestController
@Tag(name = "Identity")
class CurrentUserController {

  record CurrentUser(String userId, List<String> groups) {}

  @GetMapping("/api/me")
  @Operation(summary = "The authenticated caller and their groups")
  CurrentUser me(Authentication authentication) {
    return new CurrentUser(authentication.getName(),
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
  }
}
