package io.creditflow.conventions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * Checks the project's modelling conventions for the BPMN and DMN models in {@code processes/} and the
 * Camunda Forms in {@code forms/}.
 *
 * <p>A model breaks the conventions when (rule constant in brackets):
 * <ol>
 *   <li>a flow node has no BPMNShape or a sequence flow has no BPMNEdge ({@link #RULE_DIAGRAM});</li>
 *   <li>two shapes overlap; allowed are a boundary event on its activity and a shape lying inside an expanded
 *       sub-process, pool, lane or group; labels and text annotations are ignored ({@link #RULE_OVERLAP});</li>
 *   <li>a process is not executable or has no {@code camunda:historyTimeToLive} ({@link #RULE_EXECUTABLE});</li>
 *   <li>a user task has neither {@code camunda:candidateGroups} nor {@code camunda:assignee}, or no
 *       {@code camunda:formRef} ({@link #RULE_USER_TASK}); the formRef of a user task or start event names no
 *       form in {@code forms/} ({@link #RULE_FORM_REF});</li>
 *   <li>a service or send task has no implementation ({@link #RULE_IMPLEMENTATION});</li>
 *   <li>a business rule task has neither a {@code camunda:decisionRef} nor another implementation, or its
 *       decisionRef names no decision in {@code processes/} ({@link #RULE_DECISION_REF});</li>
 *   <li>a timer has no, or only a blank, timeDate, timeDuration or timeCycle ({@link #RULE_TIMER});</li>
 *   <li>a DMN file is not DMN 1.3, or a decision has no {@code camunda:historyTimeToLive} or no DMNShape
 *       ({@link #RULE_DMN});</li>
 *   <li>best effort: a field key of a user-task form is not a variable known to the models or the Java code
 *       ({@link #RULE_FORM_FIELD}, see {@link FormFieldRule});</li>
 *   <li>a file cannot be parsed ({@link #RULE_PARSE}).</li>
 * </ol>
 * References containing {@code ${} are dynamic and not resolved. Missing folders count as empty.
 */
public final class ModelConventions {

  public static final String RULE_DIAGRAM = "diagram-interchange";
  public static final String RULE_OVERLAP = "shape-overlap";
  public static final String RULE_EXECUTABLE = "executable-process";
  public static final String RULE_USER_TASK = "user-task";
  public static final String RULE_FORM_REF = "form-ref";
  public static final String RULE_IMPLEMENTATION = "task-implementation";
  public static final String RULE_DECISION_REF = "decision-ref";
  public static final String RULE_TIMER = "timer-definition";
  public static final String RULE_DMN = "dmn";
  public static final String RULE_FORM_FIELD = "form-field-variable";
  public static final String RULE_PARSE = "parseable";

  static final String CAMUNDA_NS = BpmnModelConstants.CAMUNDA_NS;

  private ModelConventions() {
  }

  /**
   * Checks all models and forms.
   *
   * @param processesDir  folder with {@code .bpmn} and {@code .dmn} files (searched recursively)
   * @param formsDir      folder with {@code .form} files (searched recursively)
   * @param javaSourceDir folder whose {@code .java} files are scanned for variable names (rule 9)
   * @return all violations, in a stable order; empty if the conventions hold
   */
  public static List<Violation> check(Path processesDir, Path formsDir, Path javaSourceDir) {
    List<Violation> violations = new ArrayList<>();
    List<Parsed<CamundaForm>> forms = parseAll(formsDir, ".form", CamundaForm::read, violations);
    List<Parsed<DmnModelInstance>> dmnModels = parseAll(processesDir, ".dmn", Dmn::readModelFromStream, violations);
    List<Parsed<BpmnModelInstance>> bpmnModels = parseAll(processesDir, ".bpmn", Bpmn::readModelFromStream, violations);

    Set<String> formIds = forms.stream().map(form -> form.model().id()).collect(Collectors.toSet());
    Set<String> decisionIds = dmnModels.stream()
        .flatMap(dmn -> dmn.model().getModelElementsByType(Decision.class).stream())
        .map(Decision::getId)
        .collect(Collectors.toSet());

    for (Parsed<DmnModelInstance> dmn : dmnModels) {
      checkSafely(dmn.file(), violations, () -> DmnRules.check(dmn.file(), dmn.model()));
    }
    BpmnRules bpmnRules = new BpmnRules(formIds, decisionIds);
    for (Parsed<BpmnModelInstance> bpmn : bpmnModels) {
      checkSafely(bpmn.file(), violations, () -> DiagramRules.check(bpmn.file(), bpmn.model()));
      checkSafely(bpmn.file(), violations, () -> bpmnRules.check(bpmn.file(), bpmn.model()));
    }
    violations.addAll(FormFieldRule.check(bpmnModels, dmnModels, forms, javaSourceDir));
    return violations;
  }

  /**
   * Lists every {@code camunda:delegateExpression} in the BPMN models: on service, send and business rule
   * tasks, message event definitions and execution/task listeners. Files that cannot be parsed are skipped
   * ({@link #check} reports them).
   */
  public static List<DelegateRef> delegateExpressions(Path processesDir) {
    List<DelegateRef> refs = new ArrayList<>();
    for (Parsed<BpmnModelInstance> bpmn : parseAll(processesDir, ".bpmn", Bpmn::readModelFromStream, new ArrayList<>())) {
      collectDelegateExpressions(bpmn.file(), bpmn.model().getDocument().getRootElement(), refs);
    }
    return refs;
  }

  private static void collectDelegateExpressions(String file, DomElement element, List<DelegateRef> refs) {
    String expression = element.getAttribute(CAMUNDA_NS, "delegateExpression");
    if (!isBlank(expression)) {
      refs.add(new DelegateRef(file, nearestId(element), expression));
    }
    element.getChildElements().forEach(child -> collectDelegateExpressions(file, child, refs));
  }

  /**
   * The id a modeller recognises: listeners have no id, and event definitions carry one of their own, so both
   * are named after the element they belong to.
   */
  private static String nearestId(DomElement element) {
    for (DomElement current = element; current != null; current = current.getParentElement()) {
      String id = current.getAttribute("id");
      if (!isBlank(id) && !current.getLocalName().endsWith("EventDefinition")) {
        return id;
      }
    }
    return null;
  }

  // --- file handling -----------------------------------------------------------------------------------

  /** A successfully parsed file, with the name used in violations. */
  record Parsed<T>(String file, T model) {
  }

  @FunctionalInterface
  interface Parser<T> {
    T parse(InputStream in) throws IOException;
  }

  private static <T> List<Parsed<T>> parseAll(Path dir, String extension, Parser<T> parser, List<Violation> violations) {
    List<Parsed<T>> parsed = new ArrayList<>();
    for (Path path : filesWithExtension(dir, extension)) {
      String file = displayName(dir, path);
      try (InputStream in = Files.newInputStream(path)) {
        parsed.add(new Parsed<>(file, parser.parse(in)));
      } catch (IOException | RuntimeException e) {
        violations.add(new Violation(file, null, RULE_PARSE, "cannot be parsed: " + describe(e)));
      }
    }
    return parsed;
  }

  /** Runs a check; a model that makes the check itself fail (e.g. a dangling reference) is reported, not thrown. */
  private static void checkSafely(String file, List<Violation> violations, Supplier<List<Violation>> check) {
    try {
      violations.addAll(check.get());
    } catch (RuntimeException e) {
      violations.add(new Violation(file, null, RULE_PARSE, "cannot be checked: " + describe(e)));
    }
  }

  static List<Path> filesWithExtension(Path dir, String extension) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(path -> path.getFileName().toString().endsWith(extension))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code processes/sub/loan.bpmn}: the folder's own name followed by the path inside it. */
  private static String displayName(Path dir, Path file) {
    Path folderName = dir.toAbsolutePath().normalize().getFileName();
    Path relative = dir.relativize(file);
    return (folderName == null ? relative : folderName.resolve(relative)).toString().replace('\\', '/');
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(" (").append(cause.getMessage()).append(')');
      }
    }
    return text.toString();
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Expressions such as {@code ${formKey}} are resolved at runtime and cannot be checked statically. */
  static boolean isExpression(String value) {
    return value.contains("${");
  }
}
