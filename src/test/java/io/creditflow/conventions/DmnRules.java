package io.creditflow.conventions;

import static io.creditflow.conventions.ModelConventions.RULE_DMN;
import static io.creditflow.conventions.ModelConventions.isBlank;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.impl.DmnModelConstants;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;

/** Rule 8: DMN files are DMN 1.3, and each decision has a history time to live and a shape in the diagram. */
final class DmnRules {

  static final String DMN13_NS = DmnModelConstants.DMN13_NS;
  /** The DMN model API has no DMNDI types, so the diagram is read from the model's DOM. */
  static final String DMNDI13_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

  private DmnRules() {
  }

  static List<Violation> check(String file, DmnModelInstance model) {
    List<Violation> violations = new ArrayList<>();
    String namespace = model.getDocument().getRootElement().getNamespaceURI();
    boolean isDmn13 = DMN13_NS.equals(namespace);
    if (!isDmn13) {
      violations.add(new Violation(file, model.getDefinitions().getId(), RULE_DMN,
          "not DMN 1.3: namespace is " + namespace + " instead of " + DMN13_NS));
    }
    Set<String> drawnIds = model.getDocument().getElementsByNameNs(DMNDI13_NS, "DMNShape").stream()
        .map(shape -> shape.getAttribute("dmnElementRef"))
        .collect(Collectors.toSet());
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
        violations.add(new Violation(file, decision.getId(), RULE_DMN, "decision has no camunda:historyTimeToLive"));
      }
      // Only DMN 1.3 diagrams are looked at; other versions are reported above already.
      if (isDmn13 && !drawnIds.contains(decision.getId())) {
        violations.add(new Violation(file, decision.getId(), RULE_DMN, "decision has no DMNShape in the DMNDI diagram"));
      }
    }
    return violations;
  }
}
