package io.creditflow.hostile;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;

/**
 * The resource paths of Camunda's engine REST API, read from the JAX-RS resources the REST starter registers
 * ({@link CamundaRestResources#getResourceClasses()}): every sub-resource locator of the root resources, and one level
 * further down for grouping resources such as {@code /history}. A new engine version's resources are found without
 * editing a list.
 */
final class EngineRestResources {

  private EngineRestResources() {}

  static Set<String> paths() {
    Set<String> paths = new TreeSet<>();
    for (Class<?> resource : CamundaRestResources.getResourceClasses()) {
      Path root = resource.getAnnotation(Path.class);
      if (root == null || root.value().contains("{")) {
        continue; // the named-engine root (/engine/{name}) repeats the default one; callers add it themselves
      }
      collect(resource, join("", root.value()), paths, 0);
    }
    return paths;
  }

  private static void collect(Class<?> type, String prefix, Set<String> paths, int depth) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      scan(c, prefix, paths, depth);
      for (Class<?> contract : c.getInterfaces()) {
        scan(contract, prefix, paths, depth);
      }
    }
  }

  private static void scan(Class<?> type, String prefix, Set<String> paths, int depth) {
    for (Method method : type.getDeclaredMethods()) {
      Path path = method.getAnnotation(Path.class);
      if (path == null || path.value().contains("{")) {
        continue;
      }
      String full = join(prefix, path.value());
      if (full.equals("/") || full.isEmpty()) {
        continue;
      }
      paths.add(full);
      if (depth == 0 && !method.getReturnType().isPrimitive()) {
        collect(method.getReturnType(), full, paths, depth + 1);
      }
    }
  }

  private static String join(String prefix, String path) {
    String joined = (prefix + "/" + path).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
  }
}
