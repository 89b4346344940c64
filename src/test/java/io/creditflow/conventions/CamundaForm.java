package io.creditflow.conventions;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parts of a Camunda Form (form-js JSON, as saved by Camunda Modeler) that the conventions need.
 *
 * @param id        the form's top-level {@code id}, which {@code camunda:formRef} refers to
 * @param fieldKeys the process variables the form's fields bind, see {@link #read}
 */
record CamundaForm(String id, Set<String> fieldKeys) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads a form. A field binds the first segment of its {@code key} ({@code applicant.name} binds
   * {@code applicant}); a component with a {@code path} (dynamic list, group with path) binds the first
   * segment of its path, and its children are relative to it. Buttons bind nothing.
   *
   * @throws IOException if the JSON is malformed or has no top-level id
   */
  static CamundaForm read(InputStream in) throws IOException {
    JsonNode root = JSON.readTree(in);
    String id = root == null ? "" : root.path("id").asText("");
    if (id.isBlank()) {
      throw new IOException("form has no top-level \"id\"");
    }
    Set<String> fieldKeys = new LinkedHashSet<>();
    collectFieldKeys(root.path("components"), fieldKeys);
    return new CamundaForm(id, fieldKeys);
  }

  private static void collectFieldKeys(JsonNode components, Set<String> fieldKeys) {
    for (JsonNode component : components) {
      String path = component.path("path").asText("");
      String key = component.path("key").asText("");
      if (!path.isBlank()) {
        fieldKeys.add(firstSegment(path));
      } else {
        if (!key.isBlank() && !"button".equals(component.path("type").asText())) {
          fieldKeys.add(firstSegment(key));
        }
        collectFieldKeys(component.path("components"), fieldKeys);
      }
    }
  }

  private static String firstSegment(String dottedName) {
    int dot = dottedName.indexOf('.');
    return dot < 0 ? dottedName : dottedName.substring(0, dot);
  }
}
