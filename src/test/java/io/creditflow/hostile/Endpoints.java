package io.creditflow.hostile;

import io.creditflow.identity.StaffGroups;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of {@code /api}, read from Spring MVC's handler mapping (so a new endpoint is covered without editing
 * a test), with the groups that may call it: from the handler's {@code @PreAuthorize}, or for the two endpoints without
 * one from the path rules of {@code WebSecurityConfiguration} ({@code /api/admin/**}: administrators; {@code /api/me}:
 * everyone authenticated).
 */
record Endpoints(List<Endpoint> all) {

  /** {@code null} groups: every authenticated user. */
  record Endpoint(RequestMethod method, String pattern, Class<?> bodyType, boolean bodyRequired, Set<String> groups,
      String handler, String requiredQuery) {

    /** The path pattern with the required query parameters, e.g. {@code /api/reports/collections?from=…&to=…}. */
    String withQuery(String path) {
      return requiredQuery.isEmpty() ? path : path + "?" + requiredQuery;
    }

    boolean writes() {
      return method == RequestMethod.POST || method == RequestMethod.PUT || method == RequestMethod.PATCH;
    }

    boolean openToAll() {
      return groups == null;
    }

    boolean allows(String group) {
      return groups == null || groups.contains(group);
    }

    List<String> variables() {
      List<String> names = new ArrayList<>();
      Matcher m = VARIABLE.matcher(pattern);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }

    @Override
    public String toString() {
      return method + " " + pattern;
    }
  }

  static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
  private static final Pattern AUTHORITY_EXPRESSION =
      Pattern.compile("hasAuthority\\('[^']+'\\)|hasAnyAuthority\\(\\s*'[^']+'(\\s*,\\s*'[^']+')*\\s*\\)");
  private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

  static Endpoints of(ApplicationContext context) {
    RequestMappingHandlerMapping mapping =
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    Set<Endpoint> endpoints = new LinkedHashSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      HandlerMethod handler = entry.getValue();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/") && !pattern.equals("/api")) {
          continue;
        }
        Class<?> bodyType = null;
        boolean required = false;
        List<String> query = new ArrayList<>();
        for (Parameter parameter : handler.getMethod().getParameters()) {
          RequestParam param = parameter.getAnnotation(RequestParam.class);
          if (param != null && param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
            String name = !param.name().isEmpty() ? param.name() : parameter.getName();
            String value = parameter.getType() == LocalDate.class ? LocalDate.now(ZoneOffset.UTC).toString() : "1";
            query.add(name + "=" + value);
          }
          RequestBody body = parameter.getAnnotation(RequestBody.class);
          if (body != null) {
            bodyType = parameter.getType();
            required = body.required();
          }
        }
        Set<String> groups = groups(pattern, handler);
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          endpoints.add(new Endpoint(method, pattern, bodyType, required, groups,
              handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName(), String.join("&", query)));
        }
      }
    }
    List<Endpoint> sorted = new ArrayList<>(endpoints);
    sorted.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
    return new Endpoints(List.copyOf(sorted));
  }

  List<Endpoint> writes() {
    return all.stream().filter(Endpoint::writes).toList();
  }

  private static Set<String> groups(String pattern, HandlerMethod handler) {
    PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
    if (rule == null) {
      rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
    }
    if (rule == null) {
      if (pattern.startsWith("/api/admin/")) {
        return Set.of(StaffGroups.CAMUNDA_ADMIN);
      }
      if (pattern.equals("/api/me")) {
        return null;
      }
      throw new IllegalStateException(pattern + " (" + handler + ") has no @PreAuthorize: say who may call it");
    }
    String expression = rule.value().trim();
    if (!AUTHORITY_EXPRESSION.matcher(expression).matches()) {
      throw new IllegalStateException("Teach Endpoints to read the @PreAuthorize of " + pattern + ": " + expression);
    }
    Set<String> groups = new LinkedHashSet<>();
    Matcher m = QUOTED.matcher(expression);
    while (m.find()) {
      groups.add(m.group(1));
    }
    return Set.copyOf(groups);
  }
}
