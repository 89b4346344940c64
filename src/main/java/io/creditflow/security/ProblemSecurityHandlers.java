package io.creditflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.common.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 as problem details, with the Basic challenge on 401; and 400 as a problem detail for requests Spring
 * Security's firewall rejects (encoded {@code ..}, {@code //}, {@code ;}, control characters in the path), which the
 * default handler answers with the container's error page instead.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

  static final String REALM = "CreditFlow";

  private final ObjectMapper objectMapper;

  ProblemSecurityHandlers(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
        "Authenticate with HTTP Basic using a CreditFlow user (a Camunda user) and its password."));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
      throws IOException {
    write(request, response, Problems.of(HttpStatus.FORBIDDEN, "Forbidden",
        "Your groups are not permitted to do this."));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
      throws IOException {
    write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "Rejected request",
        "The request path or headers are not allowed (for example encoded slashes, '..' or control characters)."));
  }

  private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    // the path as received may itself be what was rejected: name it only when it is a valid URI
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      problem.setInstance(null);
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }
}
