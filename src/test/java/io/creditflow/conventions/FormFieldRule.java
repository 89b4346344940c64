package io.creditflow.conventions;

import static io.creditflow.conventions.ModelConventions.RULE_FORM_FIELD;
import static io.creditflow.conventions.ModelConventions.isBlank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.creditflow.conventions.ModelConventions.Parsed;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Rule 9, best effort: each field of a form used by a user task binds a variable the application knows, so that
 * a typo in a field key shows up. It is deliberately forgiving; it does not follow the data flow. Known are:
 * <ul>
 *   <li>identifiers inside {@code ${...}} and {@code #{...}} anywhere in a BPMN model (attributes and text);</li>
 *   <li>names of camunda input/output parameters, source/target/variables of {@code camunda:in}/{@code camunda:out},
 *       {@code camunda:resultVariable}, {@code camunda:collection}, {@code camunda:elementVariable},
 *       {@code camunda:initiator};</li>
 *   <li>the fields of start forms (they create variables);</li>
 *   <li>identifiers in DMN input expressions and DMN output names;</li>
 *   <li>every string literal in the {@code .java} files of the source folder, e.g. {@code setVariable("score", ...)}.</li>
 * </ul>
 */
final class FormFieldRule {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** A char literal (matched so that {@code '"'} does not open a string) or a string literal (group 1). */
  private static final Pattern JAVA_LITERAL = Pattern.compile("'(?:\\\\.|[^'\\\\])'|\"((?:\\\\.|[^\"\\\\\\r\\n])*)\"");

  private FormFieldRule() {
  }

  static List<Violation> check(List<Parsed<BpmnModelInstance>> bpmnModels, List<Parsed<DmnModelInstance>> dmnModels,
                 List<Parsed<CamundaForm>> forms, Path javaSourceDir) {
    Set<String> startFormIds = formRefs(bpmnModels, StartEvent.class, StartEvent::getCamundaFormRef);
    Set<String> userTaskFormIds = formRefs(bpmnModels, UserTask.class, UserTask::getCamundaFormRef);

    Set<String> known = new HashSet<>();
    bpmnModels.forEach(bpmn -> addBpmnVariables(bpmn.model(), known));
    dmnModels.forEach(dmn -> addDmnVariables(dmn.model(), known));
    addJavaStringLiterals(javaSourceDir, known);
    forms.stream()
        .filter(form -> startFormIds.contains(form.model().id()))
        .forEach(form -> known.addAll(form.model().fieldKeys()));

    List<Violation> violations = new ArrayList<>();
    for (Parsed<CamundaForm> form : forms) {
      if (!userTaskFormIds.contains(form.model().id())) {
        continue;
      }
      for (String key : form.model().fieldKeys()) {
        if (!known.contains(key)) {
          violations.add(new Violation(form.file(), key, RULE_FORM_FIELD, "form field '" + key
              + "' is not a variable known to the processes, decisions or Java code (typo?)"));
        }
      }
    }
    return violations;
  }

  private static <T extends ModelElementInstance> Set<String> formRefs(List<Parsed<BpmnModelInstance>> bpmnModels,
                                    Class<T> type, Function<T, String> formRef) {
    return bpmnModels.stream()
        .flatMap(bpmn -> bpmn.model().getModelElementsByType(type).stream())
        .map(formRef)
        .filter(ref -> !isBlank(ref))
        .collect(Collectors.toSet());
  }

  private static void addBpmnVariables(BpmnModelInstance model, Set<String> known) {
    model.getModelElementsByType(CamundaInputParameter.class).forEach(p -> addName(p.getCamundaName(), known));
    model.getModelElementsByType(CamundaOutputParameter.class).forEach(p -> addName(p.getCamundaName(), known));
    for (CamundaIn in : model.getModelElementsByType(CamundaIn.class)) {
      addNames(known, in.getCamundaSource(), in.getCamundaTarget(), in.getCamundaVariables());
    }
    for (CamundaOut out : model.getModelElementsByType(CamundaOut.class)) {
      addNames(known, out.getCamundaSource(), out.getCamundaTarget(), out.getCamundaVariables());
    }
    for (MultiInstanceLoopCharacteristics loop : model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
      addNames(known, loop.getCamundaCollection(), loop.getCamundaElementVariable());
    }
    for (Activity activity : model.getModelElementsByType(Activity.class)) {
      addName(activity.getAttributeValueNs(ModelConventions.CAMUNDA_NS, "resultVariable"), known);
    }
    model.getModelElementsByType(StartEvent.class).forEach(event -> addName(event.getCamundaInitiator(), known));
    addExpressionIdentifiers(model.getDocument().getDomSource().getNode(), known);
  }

  /** Walks the whole XML: expressions may sit in any attribute or text, including extension elements. */
  private static void addExpressionIdentifiers(Node node, Set<String> known) {
    if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
      addIdentifiersInExpressions(node.getNodeValue(), known);
    }
    NamedNodeMap attributes = node.getAttributes();
    for (int i = 0; attributes != null && i < attributes.getLength(); i++) {
      addIdentifiersInExpressions(attributes.item(i).getNodeValue(), known);
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      addExpressionIdentifiers(child, known);
    }
  }

  private static void addIdentifiersInExpressions(String text, Set<String> known) {
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      addIdentifiers(expression.group(1), known);
    }
  }

  private static void addDmnVariables(DmnModelInstance model, Set<String> known) {
    for (Input input : model.getModelElementsByType(Input.class)) {
      addName(input.getCamundaInputVariable(), known);
      if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
        addIdentifiers(input.getInputExpression().getText().getTextContent(), known);
      }
    }
    model.getModelElementsByType(Output.class).forEach(output -> addName(output.getName(), known));
  }

  private static void addJavaStringLiterals(Path javaSourceDir, Set<String> known) {
    for (Path source : ModelConventions.filesWithExtension(javaSourceDir, ".java")) {
      try {
        Matcher literal = JAVA_LITERAL.matcher(new String(Files.readAllBytes(source), StandardCharsets.UTF_8));
        while (literal.find()) {
          addName(literal.group(1), known);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void addIdentifiers(String text, Set<String> known) {
    Matcher identifier = IDENTIFIER.matcher(text);
    while (identifier.find()) {
      known.add(identifier.group());
    }
  }

  private static void addNames(Set<String> known, String... names) {
    for (String name : names) {
      addName(name, known);
    }
  }

  private static void addName(String name, Set<String> known) {
    if (!isBlank(name)) {
      known.add(name.trim());
    }
  }
}
