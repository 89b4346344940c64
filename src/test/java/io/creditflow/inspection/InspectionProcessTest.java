package io.creditflow.inspection;

import static io.creditflow.portfolio.PortfolioFixture.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.creditflow.portfolio.PortfolioFixture;
import io.creditflow.portfolio.PortfolioTest;
import io.creditflow.servicing.DisbursementService;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code postLoanInspection}: the sample (reproducible from the seed, stratified by grade), a checklist per loan, a
 * remediation task per failed item for the right group, and the end of the inspection. The book: 10 active loans,
 * grades A x5, B x3, C x2, plus a settled and an IN_LEGAL loan that are never drawn.
 */
@PortfolioTest
class InspectionProcessTest {

  static final LocalDate TODAY = LocalDate.of(2027, 4, 1);

  @Autowired ProcessEngine engine;
  @Autowired DisbursementService disbursements;
  @Autowired JdbcTemplate jdbc;
  @Autowired InspectionService inspections;

  PortfolioFixture fixture;
  final Map<String, String> gradeOf = new HashMap<>();

  @BeforeEach
  void aBook() {
    BpmnAwareTests.init(engine);
    fixture = new PortfolioFixture(engine, disbursements, jdbc);
    today(TODAY.minusMonths(3));
    fixture.cleanSlate();
    gradeOf.clear();
    for (String grade : List.of("A", "A", "A", "A", "A", "B", "B", "B", "C", "C")) {
      gradeOf.put(fixture.loan(grade, "WEB", null, "3000.00"), grade);
    }
    fixture.status(fixture.loan("A", "WEB", null, "3000.00"), "SETTLED");
    fixture.status(fixture.loan("B", "WEB", null, "3000.00"), "IN_LEGAL");
    today(TODAY);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private Inspection drawn(int size, long seed) {
    Inspection inspection = inspections.start(size, seed, "risk");
    fixture.runJobs(inspection.processInstanceId());
    return inspections.get(inspection.id());
  }

  private List<Task> tasks(String processInstanceId, String definitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(definitionKey).list();
  }

  private static String group(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).findFirst().orElseThrow();
  }

  private static Map<String, Object> checklist(String... failed) {
    Map<String, Object> answers = new HashMap<>();
    for (ChecklistItem item : ChecklistItem.values()) {
      boolean fails = List.of(failed).contains(item.name());
      answers.put(item.resultVariable(), fails ? ChecklistItem.FAIL : ChecklistItem.PASS);
      answers.put(item.commentVariable(), fails ? item.name() + " not in order" : null);
    }
    return answers;
  }

  @Test
  void theSameSeedDrawsTheSameSampleAndAnotherSeedAnotherOne() {
    List<String> first = inspections.sample(drawn(5, 42L).id());
    List<String> again = inspections.sample(drawn(5, 42L).id());
    List<String> other = inspections.sample(drawn(5, 20270401L).id());

    assertThat(first).hasSize(5).doesNotHaveDuplicates().allMatch(gradeOf::containsKey);
    assertThat(again).isEqualTo(first);
    assertThat(other).hasSize(5).isNotEqualTo(first);
  }

  @Test
  void theSampleRepresentsEveryGradeInProportion() {
    Inspection inspection = drawn(5, 7L);

    assertThat(inspection.population()).isEqualTo(10);
    assertThat(inspection.sampleSize()).isEqualTo(5);
    assertThat(inspection.status()).isEqualTo(Inspection.IN_PROGRESS);
    Map<String, Long> byGrade = inspections.sample(inspection.id()).stream()
        .collect(Collectors.groupingBy(gradeOf::get, Collectors.counting()));
    assertThat(byGrade).containsOnly(Map.entry("A", 3L), Map.entry("B", 1L), Map.entry("C", 1L));
    assertThat(tasks(inspection.processInstanceId(), "Task_CompleteChecklist")).hasSize(5)
        .allSatisfy(task -> assertThat(group(engine, task)).isEqualTo("risk-managers"));
  }

  @Test
  void failedItemsOpenRemediationTasksForTheResponsibleGroupsAndTheInspectionEndsWhenTheyAreDone() {
    Inspection inspection = drawn(2, 99L);
    ProcessInstance process = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(inspection.processInstanceId()).singleResult();
    assertThat(process.getBusinessKey()).isEqualTo(inspection.id());
    List<Task> checklists = tasks(process.getId(), "Task_CompleteChecklist");
    assertThat(checklists).hasSize(2);
    Task compliant = checklists.get(0);
    Task failing = checklists.get(1);
    String failingLoan = (String) engine.getTaskService().getVariable(failing.getId(), "loanNumber");

    engine.getTaskService().setAssignee(failing.getId(), "risk");
    Map<String, Object> noComment = checklist("DOCUMENTS");
    noComment.put(ChecklistItem.DOCUMENTS.commentVariable(), " ");
    assertThatThrownBy(() -> engine.getTaskService().complete(failing.getId(), noComment))
        .hasMessageContaining("documentsComment");
    Map<String, Object> unanswered = checklist();
    unanswered.remove(ChecklistItem.CONTACT_RECORDS.resultVariable());
    assertThatThrownBy(() -> engine.getTaskService().complete(failing.getId(), unanswered))
        .hasMessageContaining("contactRecordsResult");
    engine.getTaskService().complete(failing.getId(), checklist("DOCUMENTS", "CONTACT_RECORDS"));
    engine.getTaskService().setAssignee(compliant.getId(), "risk");
    engine.getTaskService().complete(compliant.getId(), checklist());

    List<Task> remediations = new ArrayList<>(tasks(process.getId(), "Task_Remediate"));
    assertThat(remediations).hasSize(2);
    Map<String, String> groupByItem = remediations.stream().collect(Collectors.toMap(
        task -> (String) engine.getTaskService().getVariable(task.getId(), "checklistItem"),
        task -> group(engine, task)));
    assertThat(groupByItem).containsOnly(Map.entry("DOCUMENTS", "credit-officers"),
        Map.entry("CONTACT_RECORDS", "senior-collectors"));
    Date due = Date.from(TODAY.plusDays(14).atTime(LocalTime.of(18, 0)).atZone(PortfolioFixture.ZONE).toInstant());
    assertThat(remediations).allSatisfy(task -> {
      assertThat(task.getDueDate()).isEqualTo(due);
      assertThat(engine.getTaskService().getVariable(task.getId(), "loanNumber")).isEqualTo(failingLoan);
    });
    InspectionService.Report report = inspections.report(inspection.id());
    assertThat(report.findings()).hasSize(8);
    assertThat(report.findings()).filteredOn(f -> !f.passed()).extracting(Finding::remediationStatus)
        .containsOnly(Finding.OPEN);

    Task first = remediations.get(0);
    engine.getTaskService().setAssignee(first.getId(), "officer");
    assertThatThrownBy(() -> engine.getTaskService().complete(first.getId(), Map.of()))
        .hasMessageContaining("remediationComment");
    engine.getTaskService().complete(first.getId(), Map.of("remediationComment", "Put right"));
    assertThat(process).isActive();
    Task second = remediations.get(1);
    engine.getTaskService().setAssignee(second.getId(), "senior");
    engine.getTaskService().complete(second.getId(), Map.of("remediationComment", "Put right as well"));

    assertThat(process).hasPassed("Task_RecordFindings", "EndEvent_LoanCompliant", "EndEvent_LoanRemediated",
        "Task_CompleteInspection", "EndEvent_InspectionReported").isEnded();
    Inspection done = inspections.get(inspection.id());
    assertThat(done.status()).isEqualTo(Inspection.COMPLETED);
    assertThat(done.completedAt()).isNotNull();
    List<Finding> failed = inspections.report(inspection.id()).findings().stream().filter(f -> !f.passed()).toList();
    assertThat(failed).extracting(Finding::remediationStatus).containsOnly(Finding.DONE);
    assertThat(failed).extracting(Finding::remediatedBy).containsExactlyInAnyOrder("officer", "senior");
    assertThat(failed).extracting(Finding::remediationComment).containsExactlyInAnyOrder("Put right",
        "Put right as well");
  }

  @Test
  void theQuarterlyTimerSwitchedOffEndsAtOnce() {
    Job timer = engine.getManagementService().createJobQuery()
        .processDefinitionKey(PostLoanInspection.PROCESS_KEY).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
    ProcessInstance quarterly = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PostLoanInspection.PROCESS_KEY).active().singleResult();
    fixture.runJobs(quarterly.getId());

    assertThat(quarterly).hasPassed("Task_DrawSample", "EndEvent_NothingToInspect").isEnded();
    assertThat(inspections.list(10)).isEmpty();
  }
}
