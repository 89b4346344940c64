package io.creditflow.conventions;

import static io.creditflow.conventions.ModelConventions.RULE_DIAGRAM;
import static io.creditflow.conventions.ModelConventions.RULE_OVERLAP;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Group;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TextAnnotation;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Rules 1 and 2: every flow node and sequence flow is drawn, and shapes do not overlap. */
final class DiagramRules {

  private DiagramRules() {
  }

  static List<Violation> check(String file, BpmnModelInstance model) {
    List<Violation> violations = new ArrayList<>();
    checkEverythingIsDrawn(file, model, violations);
    checkNoOverlaps(file, model, violations);
    return violations;
  }

  private static void checkEverythingIsDrawn(String file, BpmnModelInstance model, List<Violation> violations) {
    Set<String> shapedIds = drawnElementIds(model.getModelElementsByType(BpmnShape.class).stream()
        .map(BpmnShape::getBpmnElement).toList());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shapedIds.contains(node.getId())) {
        violations.add(new Violation(file, node.getId(), RULE_DIAGRAM,
            node.getElementType().getTypeName() + " has no BPMNShape in the diagram"));
      }
    }
    Set<String> edgedIds = drawnElementIds(model.getModelElementsByType(BpmnEdge.class).stream()
        .map(BpmnEdge::getBpmnElement).toList());
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edgedIds.contains(flow.getId())) {
        violations.add(new Violation(file, flow.getId(), RULE_DIAGRAM, "sequence flow has no BPMNEdge in the diagram"));
      }
    }
  }

  private static Set<String> drawnElementIds(List<BaseElement> drawnElements) {
    return drawnElements.stream().filter(Objects::nonNull).map(BaseElement::getId).collect(Collectors.toSet());
  }

  /** Compares the shapes of each diagram plane pairwise; collapsed sub-processes have planes of their own. */
  private static void checkNoOverlaps(String file, BpmnModelInstance model, List<Violation> violations) {
    Map<ModelElementInstance, List<BpmnShape>> shapesByPlane = new LinkedHashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      if (shape.getBounds() != null && !(shape.getBpmnElement() instanceof TextAnnotation)) {
        shapesByPlane.computeIfAbsent(shape.getParentElement(), plane -> new ArrayList<>()).add(shape);
      }
    }
    for (List<BpmnShape> shapes : shapesByPlane.values()) {
      for (int i = 0; i < shapes.size(); i++) {
        for (int j = i + 1; j < shapes.size(); j++) {
          BpmnShape a = shapes.get(i);
          BpmnShape b = shapes.get(j);
          if (intersect(a.getBounds(), b.getBounds()) && !overlapAllowed(a, b)) {
            violations.add(new Violation(file, elementId(a), RULE_OVERLAP, "shape overlaps the shape of " + elementId(b)));
          }
        }
      }
    }
  }

  private static boolean overlapAllowed(BpmnShape a, BpmnShape b) {
    return isAttachedTo(a, b) || isAttachedTo(b, a)
        || isContainer(a) && contains(a.getBounds(), b.getBounds())
        || isContainer(b) && contains(b.getBounds(), a.getBounds());
  }

  private static boolean isAttachedTo(BpmnShape event, BpmnShape activity) {
    return event.getBpmnElement() instanceof BoundaryEvent boundaryEvent
        && boundaryEvent.getAttachedTo() != null
        && boundaryEvent.getAttachedTo().equals(activity.getBpmnElement());
  }

  private static boolean isContainer(BpmnShape shape) {
    BaseElement element = shape.getBpmnElement();
    return element instanceof Participant || element instanceof Lane || element instanceof Group
        || element instanceof SubProcess && shape.isExpanded();
  }

  /** True if the rectangles share an area; touching edges do not count. */
  private static boolean intersect(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  private static boolean contains(Bounds outer, Bounds inner) {
    return inner.getX() >= outer.getX() && inner.getY() >= outer.getY()
        && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
        && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
  }

  private static String elementId(BpmnShape shape) {
    return shape.getBpmnElement() != null ? shape.getBpmnElement().getId() : shape.getId();
  }
}
