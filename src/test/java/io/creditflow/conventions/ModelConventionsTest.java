package io.creditflow.conventions;

import static io.creditflow.conventions.ModelConventions.RULE_DECISION_REF;
import static io.creditflow.conventions.ModelConventions.RULE_DIAGRAM;
import static io.creditflow.conventions.ModelConventions.RULE_DMN;
import static io.creditflow.conventions.ModelConventions.RULE_EXECUTABLE;
import static io.creditflow.conventions.ModelConventions.RULE_FORM_FIELD;
import static io.creditflow.conventions.ModelConventions.RULE_FORM_REF;
import static io.creditflow.conventions.ModelConventions.RULE_IMPLEMENTATION;
import static io.creditflow.conventions.ModelConventions.RULE_OVERLAP;
import static io.creditflow.conventions.ModelConventions.RULE_PARSE;
import static io.creditflow.conventions.ModelConventions.RULE_TIMER;
import static io.creditflow.conventions.ModelConventions.RULE_USER_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The project's models follow the modelling conventions, and the checker catches each kind of breach.
 * Fixtures live in {@code src/test/resources/conventions/<case>/} with {@code processes/}, {@code forms/} and
 * optionally {@code java/}; each negative fixture breaks exactly one rule.
 */
class ModelConventionsTest {

  private static final Path FIXTURES = Path.of("src/test/resources/conventions");

  @Test
  void projectModelsFollowConventions() {
    List<Violation> violations = ModelConventions.check(Path.of("processes"), Path.of("forms"), Path.of("src/main/java"));

    assertThat(violations)
        .withFailMessage(() -> violations.size() + " modelling convention violation(s):\n" + describe(violations))
        .isEmpty();
  }

  @Test
  void validFixtureHasNoViolations() {
    List<Violation> violations = checkFixture("valid");

    assertThat(violations).withFailMessage(() -> describe(violations)).isEmpty();
  }

  @Test
  void missingFoldersCountAsEmpty() {
    Path nowhere = FIXTURES.resolve("does-not-exist");

    assertThat(ModelConventions.check(nowhere, nowhere, nowhere)).isEmpty();
    assertThat(ModelConventions.delegateExpressions(nowhere)).isEmpty();
  }

  @Test
  void flowNodesWithoutShapeAndFlowsWithoutEdgeAreReported() {
    List<Violation> violations = checkFixture("missing-di");

    assertOnlyRule(violations, RULE_DIAGRAM);
    assertThat(violations).extracting(Violation::file, Violation::element).containsExactlyInAnyOrder(
        tuple("processes/missing-di.bpmn", "Timer_Reminder"),
        tuple("processes/missing-di.bpmn", "Task_CheckDocument"),
        tuple("processes/missing-di.bpmn", "Flow_ToDocumentsChecked"));
  }

  @Test
  void overlappingShapesAreReportedButContainmentAndBoundaryEventsAreAllowed() {
    List<Violation> violations = checkFixture("overlap");

    assertOnlyRule(violations, RULE_OVERLAP);
    assertThat(violations).singleElement().satisfies(violation -> {
      assertThat(violation.file()).isEqualTo("processes/overlap.bpmn");
      assertThat(List.of(violation.element(), violation.message()))
          .anySatisfy(text -> assertThat(text).contains("Task_SendContract"))
          .anySatisfy(text -> assertThat(text).contains("Task_PrepareContract"));
    });
  }

  @Test
  void processesMustBeExecutableWithHistoryTimeToLive() {
    List<Violation> violations = checkFixture("not-executable");

    assertOnlyRule(violations, RULE_EXECUTABLE);
    assertThat(violations).extracting(Violation::file, Violation::element).containsExactlyInAnyOrder(
        tuple("processes/not-executable.bpmn", "NotExecutable"),
        tuple("processes/no-history-ttl.bpmn", "NoHistoryTimeToLive"));
  }

  @Test
  void userTasksNeedGroupOrAssigneeAndFormRef() {
    List<Violation> violations = checkFixture("user-task");

    assertOnlyRule(violations, RULE_USER_TASK);
    assertThat(violations).extracting(Violation::file, Violation::element).containsExactlyInAnyOrder(
        tuple("processes/user-task.bpmn", "Task_CandidateUsersOnly"),
        tuple("processes/user-task.bpmn", "Task_WithoutForm"));
  }

  @Test
  void formRefsMustNameExistingForms() {
    List<Violation> violations = checkFixture("form-ref");

    assertOnlyRule(violations, RULE_FORM_REF);
    assertThat(violations).extracting(Violation::file, Violation::element).containsExactlyInAnyOrder(
        tuple("processes/form-ref.bpmn", "StartEvent_UnknownForm"),
        tuple("processes/form-ref.bpmn", "Task_UnknownForm"));
  }

  @Test
  void serviceAndSendTasksNeedAnImplementation() {
    List<Violation> violations = checkFixture("implementation");

    assertOnlyRule(violations, RULE_IMPLEMENTATION);
    assertThat(violations).extracting(Violation::file, Violation::element).containsExactlyInAnyOrder(
        tuple("processes/implementation.bpmn", "Task_NoImplementation"),
        tuple("processes/implementation.bpmn", "Task_ExternalWithoutTopic"));
  }

  @Test
  void businessRuleTasksMustReferenceExistingDecisions() {
    List<Violation> violations = checkFixture("decision-ref");

    assertOnlyRule(violations, RULE_DECISION_REF);
    assertThat(violations).extracting(Violation::file, Violation::element).containsExactlyInAnyOrder(
        tuple("processes/decision-ref.bpmn", "Task_NoDecisionRef"),
        tuple("processes/decision-ref.bpmn", "Task_UnknownDecision"));
  }

  @Test
  void timersNeedADefinition() {
    List<Violation> violations = checkFixture("timer");

    assertOnlyRule(violations, RULE_TIMER);
    assertThat(violations).extracting(Violation::file, Violation::element).containsExactlyInAnyOrder(
        tuple("processes/timer.bpmn", "Timer_NoDefinition"),
        tuple("processes/timer.bpmn", "Timer_BlankDuration"));
  }

  @Test
  void decisionsMustBeDmn13WithHistoryTimeToLiveAndShape() {
    List<Violation> violations = checkFixture("dmn");

    assertOnlyRule(violations, RULE_DMN);
    assertThat(violations).extracting(Violation::file, Violation::element).containsExactlyInAnyOrder(
        tuple("processes/dmn-12.dmn", "Definitions_Dmn12"),
        tuple("processes/incomplete.dmn", "NoHistoryTimeToLive"),
        tuple("processes/incomplete.dmn", "NoShape"));
  }

  @Test
  void userTaskFormFieldsMustBeKnownVariables() {
    List<Violation> violations = checkFixture("form-field");

    assertOnlyRule(violations, RULE_FORM_FIELD);
    assertThat(violations).extracting(Violation::file, Violation::element)
        .containsExactly(tuple("forms/approval.form", "aproved"));
  }

  @Test
  void unparseableFilesAreReportedNotThrown() {
    List<Violation> violations = checkFixture("unparseable");

    assertOnlyRule(violations, RULE_PARSE);
    assertThat(violations).extracting(Violation::file).containsExactlyInAnyOrder(
        "processes/broken.bpmn", "processes/broken.dmn", "forms/broken.form", "forms/without-id.form");
  }

  @Test
  void formFieldsBindFirstKeySegmentAndDynamicListPath() throws IOException {
    try (InputStream in = Files.newInputStream(FIXTURES.resolve("valid/forms/manual-review.form"))) {
      CamundaForm form = CamundaForm.read(in);

      assertThat(form.id()).isEqualTo("manual-review");
      assertThat(form.fieldKeys()).containsExactly("amount", "applicant", "conditions", "reviewComment", "approved");
    }
  }

  @Test
  void violationReadsAsFileElementAndMessage() {
    Violation violation = new Violation("processes/loan-origination.bpmn", "Task_Review", RULE_USER_TASK,
        "user task has no camunda:formRef");

    assertThat(violation).hasToString("processes/loan-origination.bpmn [Task_Review]: user task has no camunda:formRef");
  }

  @Test
  void delegateExpressionsAreListedFromTasksEventsAndListeners() {
    List<DelegateRef> refs = ModelConventions.delegateExpressions(FIXTURES.resolve("valid/processes"));

    assertThat(refs).containsExactlyInAnyOrder(
        new DelegateRef("processes/loan-application.bpmn", "Task_ManualReview", "${reviewAssignmentListener}"),
        new DelegateRef("processes/loan-application.bpmn", "Task_CreateOffer", "${createOfferDelegate}"),
        new DelegateRef("processes/loan-application.bpmn", "EndEvent_Rejected", "${rejectionNotifier}"),
        new DelegateRef("processes/loan-application.bpmn", "EndEvent_OfferCreated", "${auditListener}"));
  }

  private static List<Violation> checkFixture(String name) {
    Path fixture = FIXTURES.resolve(name);
    return ModelConventions.check(fixture.resolve("processes"), fixture.resolve("forms"), fixture.resolve("java"));
  }

  private static void assertOnlyRule(List<Violation> violations, String rule) {
    assertThat(violations)
        .withFailMessage(() -> "expected only '" + rule + "' violations, got:\n" + describe(violations))
        .isNotEmpty()
        .allSatisfy(violation -> assertThat(violation.rule()).isEqualTo(rule));
  }

  private static String describe(List<Violation> violations) {
    return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
  }
}
