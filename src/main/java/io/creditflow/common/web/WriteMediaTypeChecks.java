package io.creditflow.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Media-type checks on writes to {@code /api} before they run, answered as problem JSON:
 * <ul>
 *   <li>a caller that does not accept JSON gets 406 <em>before</em> the write. Spring MVC negotiates the response type
 *       only after the handler has returned, so otherwise the write would happen and the caller would still be told
 *       406 (a 4xx that changed data). Every write of ours answers JSON.</li>
 *   <li>a {@code Content-Type} with a wildcard ({@code application/*}) or that cannot be read gets 415; Spring MVC
 *       would fail on the wildcard with an IllegalArgumentException (a 500).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WriteMediaTypeChecks implements WebMvcConfigurer, HandlerInterceptor {

  private final ObjectMapper objectMapper;

  WriteMediaTypeChecks(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    if (!(handler instanceof HandlerMethod) || SAFE.contains(request.getMethod())) {
      return true;
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType != null && !contentType.isBlank()) {
      MediaType type;
      try {
        type = MediaType.parseMediaType(contentType);
      } catch (InvalidMediaTypeException e) {
        type = null;
      }
      if (type == null || type.isWildcardType() || type.isWildcardSubtype()) {
        return refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            "Send the request body as application/json.");
      }
    }
    List<String> headers = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
    if (headers.isEmpty()) {
      return true;
    }
    List<MediaType> accepted;
    try {
      accepted = MediaType.parseMediaTypes(headers);
    } catch (InvalidMediaTypeException e) {
      return refuse(request, response, HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "The Accept header could not be read; this API answers "
          + "application/json (errors application/problem+json).");
    }
    if (accepted.isEmpty() || accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
        || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))) {
      return true;
    }
    return refuse(request, response, HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "This API answers application/json (errors application/problem+json); "
        + "the Accept header allows neither.");
  }

  /**
   * Writes the problem itself, as problem JSON whatever the Accept header says: answering through Spring MVC would
   * negotiate the problem's type against the same unacceptable (or unreadable) header and send an empty body.
   */
  private boolean refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
      String detail) throws IOException {
    ProblemDetail problem = Problems.of(status, title, detail);
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException notAUri) {
      problem.setInstance(null);
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
    return false;
  }
}
