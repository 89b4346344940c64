package io.creditflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import io.creditflow.support.CreditFlowWebTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CreditFlowWebTest
class IdentityBootstrapTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  IdentityBootstrap bootstrap;

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void everyGroupExistsWithItsType() {
    for (StaffGroups.GroupDefinition group : StaffGroups.ALL) {
      assertThat(engine.getIdentityService().createGroupQuery().groupId(group.id()).groupType(group.type()).count())
          .as(group.id()).isEqualTo(1);
    }
    assertThat(StaffGroups.STAFF).hasSize(11).doesNotContain(StaffGroups.API_CLIENTS, StaffGroups.CAMUNDA_ADMIN);
    assertThat(engine.getIdentityService().createGroupQuery().groupId("credit-officers").singleResult().getType())
        .isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
  }

  @Test
  void demoUsersOnePerGroupWithPasswordDemo() {
    assertThat(IdentityBootstrap.DEMO_USERS).extracting(IdentityBootstrap.DemoUser::id).containsExactly(
        "demo", "officer", "manager", "collector", "senior", "lawyer", "risk", "handler", "supervisor", "marketer",
        "auditor", "ops", "channel");
    assertThat(IdentityBootstrap.DEMO_USERS).extracting(IdentityBootstrap.DemoUser::groupId)
        .containsExactlyInAnyOrderElementsOf(StaffGroups.ALL.stream().map(StaffGroups.GroupDefinition::id).toList());
    for (IdentityBootstrap.DemoUser user : IdentityBootstrap.DEMO_USERS) {
      assertThat(engine.getIdentityService().createUserQuery().userId(user.id()).memberOfGroup(user.groupId()).count())
          .as(user.id()).isEqualTo(1);
    }
    assertThat(engine.getIdentityService().checkPassword("auditor", "demo")).isTrue();
    assertThat(engine.getIdentityService().checkPassword("ops", "demo")).isTrue();
  }

  @Test
  void sharedTasklistFiltersAreReadableByEveryStaffGroupButNotBySystems() {
    List<Filter> filters = engine.getFilterService().createFilterQuery().orderByFilterName().asc().list();
    assertThat(filters).extracting(Filter::getName).containsExactly("My groups' tasks", "My tasks", "Overdue");
    for (Filter filter : filters) {
      for (String group : StaffGroups.STAFF) {
        assertThat(authorized(null, List.of(group), READ, FILTER, filter.getId())).as(group + " " + filter.getName())
            .isTrue();
      }
      assertThat(authorized("channel", List.of(StaffGroups.API_CLIENTS), READ, FILTER, filter.getId())).isFalse();
    }
  }

  @Test
  void applicationsFollowTheRole() {
    assertThat(authorized("collector", List.of("collectors"), ACCESS, APPLICATION, "tasklist")).isTrue();
    assertThat(authorized("collector", List.of("collectors"), ACCESS, APPLICATION, "cockpit")).isFalse();
    assertThat(authorized("collector", List.of("collectors"), ACCESS, APPLICATION, "admin")).isFalse();
    assertThat(authorized("manager", List.of("credit-managers"), ACCESS, APPLICATION, "cockpit")).isTrue();
    assertThat(authorized("channel", List.of("api-clients"), ACCESS, APPLICATION, "tasklist")).isFalse();
    assertThat(authorized("demo", List.of("camunda-admin"), ACCESS, APPLICATION, "admin")).isTrue();
    assertThat(AccessPolicy.cockpitGroups()).containsExactlyInAnyOrder("credit-managers", "senior-collectors",
        "risk-managers", "complaint-managers", "marketing", "compliance", "operations");
  }

  @Test
  void groupsStartOnlyTheProcessesTheyOwnAndManagersReadOnlyTheirs() {
    assertThat(authorized("marketer", List.of("marketing"), CREATE_INSTANCE, PROCESS_DEFINITION,
        ProcessKeys.PROMOTION_CAMPAIGN)).isTrue();
    assertThat(authorized("marketer", List.of("marketing"), CREATE, PROCESS_INSTANCE, "*")).isTrue();
    assertThat(authorized("marketer", List.of("marketing"), CREATE_INSTANCE, PROCESS_DEFINITION,
        ProcessKeys.LOAN_ORIGINATION)).isFalse();
    assertThat(authorized("collector", List.of("collectors"), CREATE_INSTANCE, PROCESS_DEFINITION,
        ProcessKeys.COLLECTION)).isFalse();
    assertThat(authorized("collector", List.of("collectors"), CREATE, PROCESS_INSTANCE, "*")).isFalse();
    assertThat(authorized("risk", List.of("risk-managers"), CREATE_INSTANCE, PROCESS_DEFINITION,
        ProcessKeys.CLOSE_OF_BUSINESS)).isTrue();

    assertThat(authorized("manager", List.of("credit-managers"), READ_HISTORY, PROCESS_DEFINITION,
        ProcessKeys.LOAN_ORIGINATION)).isTrue();
    assertThat(authorized("manager", List.of("credit-managers"), READ_HISTORY, PROCESS_DEFINITION,
        ProcessKeys.COLLECTION)).isFalse();
    assertThat(authorized("collector", List.of("collectors"), READ_HISTORY, PROCESS_DEFINITION,
        ProcessKeys.COLLECTION)).isFalse();
    assertThat(authorized("collector", List.of("collectors"), READ, PROCESS_DEFINITION,
        ProcessKeys.COLLECTION)).isTrue();

    // operations work and follow failed notifications, and nothing else
    assertThat(authorized("ops", List.of("operations"), READ_HISTORY, PROCESS_DEFINITION,
        ProcessKeys.NOTIFICATION_FAILURE)).isTrue();
    assertThat(authorized("ops", List.of("operations"), READ, PROCESS_DEFINITION,
        ProcessKeys.COLLECTION)).isFalse();
    assertThat(authorized("ops", List.of("operations"), CREATE_INSTANCE, PROCESS_DEFINITION,
        ProcessKeys.NOTIFICATION_FAILURE)).isFalse();
    assertThat(authorized("auditor", List.of("compliance"), READ_HISTORY, PROCESS_DEFINITION,
        ProcessKeys.NOTIFICATION_FAILURE)).isTrue();
  }

  @Test
  void aGroupSeesAndWorksTheTasksOfItsProcessesOthersDoNot() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("accessPolicyCheck")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Call").camundaCandidateGroups(StaffGroups.COLLECTORS)
        .endEvent()
        .done();
    Deployment deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("accessPolicyCheck.bpmn", model).deploy();
    try {
      String instanceId = engine.getRuntimeService().startProcessInstanceByKey("accessPolicyCheck").getId();
      String groupFilter = engine.getFilterService().createFilterQuery().filterName("My groups' tasks")
          .singleResult().getId();

      engine.getIdentityService().setAuthentication("officer", List.of(StaffGroups.CREDIT_OFFICERS));
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).list()).isEmpty();
      assertThat(engine.getFilterService().<Task>list(groupFilter)).isEmpty();

      engine.getIdentityService().setAuthentication("collector", List.of(StaffGroups.COLLECTORS));
      List<Task> visible = engine.getFilterService().list(groupFilter);
      assertThat(visible).extracting(Task::getTaskDefinitionKey).containsExactly("Task_Call");
      engine.getTaskService().claim(visible.get(0).getId(), "collector");
      engine.getTaskService().complete(visible.get(0).getId());
      engine.getIdentityService().clearAuthentication();

      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count())
          .isZero();
    } finally {
      engine.getIdentityService().clearAuthentication();
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void runningTheBootstrapAgainChangesNothing() {
    long groups = engine.getIdentityService().createGroupQuery().count();
    long users = engine.getIdentityService().createUserQuery().count();
    long authorizations = engine.getAuthorizationService().createAuthorizationQuery().count();
    long filters = engine.getFilterService().createFilterQuery().count();

    bootstrap.postProcessEngineBuild(engine);

    assertThat(engine.getIdentityService().createGroupQuery().count()).isEqualTo(groups);
    assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
  }

  private boolean authorized(String userId, List<String> groups, Permission permission, Resource resource,
      String resourceId) {
    return engine.getAuthorizationService().isUserAuthorized(userId, groups, permission, resource, resourceId);
  }
}
