package io.creditflow.security;

import io.creditflow.identity.StaffGroups;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains:
 * <ol>
 *   <li>machine interfaces ({@code /api}, {@code /engine-rest}, {@code /actuator}): stateless HTTP Basic against
 *       Camunda's identity service; 401/403 as problem details. Fine-grained rules sit on the controllers
 *       ({@code @PreAuthorize}) and, for the engine REST API, in the engine's authorizations.</li>
 *   <li>everything else (Camunda webapps, Swagger UI): open here, because the webapps bring their own login,
 *       session and CSRF protection ({@code CsrfPreventionFilter}) and check the engine's authorizations.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebSecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems,
      CamundaIdentityAuthenticationProvider provider, IdentityService identityService) throws Exception {
    return http
        // Path patterns on the whole request path: /engine-rest is served by Jersey, not by Spring MVC's
        // DispatcherServlet, so MVC-based matchers would never match it.
        .securityMatchers(matchers -> matchers.requestMatchers(path("/api/**"), path("/engine-rest/**"),
            path("/actuator/**")))
        .authenticationProvider(provider)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
            .requestMatchers(path("/api/admin/**")).hasAuthority(StaffGroups.CAMUNDA_ADMIN)
            .requestMatchers(path("/api/bureau-reports"), path("/api/bureau-reports/**"))
            .hasAnyAuthority(StaffGroups.RISK_MANAGERS, StaffGroups.API_CLIENTS)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(ProblemSecurityHandlers.REALM).authenticationEntryPoint(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Credentials travel with every request and no cookie authenticates it: CSRF does not apply here.
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterAfter(new EngineRestAuthenticationFilter(identityService), BasicAuthenticationFilter.class)
        .build();
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // The Camunda webapps protect themselves with their own CSRF filter; a second one would reject them.
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }
}
