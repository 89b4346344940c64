package io.creditflow.complaint;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Triage of a complaint: the category guessed from keywords when the intake gives none
 * ({@code creditflow.complaints.keywords}, zh-CN and en), then the DMN {@code complaintTriage}
 * (processes/complaint/complaint-triage.dmn) for handling group, task priority and collection hold. Only category,
 * severity and the dispute flag reach the DMN (and its history), never the description.
 */
@Component
public class ComplaintTriage {

  public static final String DECISION = "complaintTriage";

  /** What triage decided. */
  public record Result(ComplaintCategory category, boolean guessed, String handlingGroup, int taskPriority,
      boolean holdCollection) {}

  private final ComplaintProperties properties;
  private final DecisionService decisions;

  ComplaintTriage(ComplaintProperties properties, DecisionService decisions) {
    this.properties = properties;
    this.decisions = decisions;
  }

  /** The first configured category one of whose keywords {@code description} contains (ignoring case), or OTHER. */
  public ComplaintCategory guess(String description) {
    String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
    for (Map.Entry<ComplaintCategory, List<String>> entry : properties.keywordsInOrder().entrySet()) {
      for (String keyword : entry.getValue()) {
        if (!keyword.isBlank() && text.contains(keyword.toLowerCase(Locale.ROOT))) {
          return entry.getKey();
        }
      }
    }
    return ComplaintCategory.OTHER;
  }

  /** Triage of a complaint with {@code given} category (null: guessed from the description). */
  public Result triage(ComplaintCategory given, ComplaintSeverity severity, boolean disputesDebt,
      String description) {
    ComplaintCategory category = given != null ? given : guess(description);
    DmnDecisionResultEntries row = decisions.evaluateDecisionByKey(DECISION)
        .variables(Variables.createVariables()
            .putValue("category", category.name())
            .putValue("severity", severity.name())
            .putValue("disputesDebt", disputesDebt))
        .evaluate().getSingleResult();
    if (row == null) {
      throw new IllegalStateException("DMN " + DECISION + " has no row for " + category + "/" + severity);
    }
    Number priority = row.getEntry("taskPriority");
    return new Result(category, given == null, row.getEntry("handlingGroup"), priority.intValue(),
        Boolean.TRUE.equals(row.getEntry("holdCollection")));
  }
}
