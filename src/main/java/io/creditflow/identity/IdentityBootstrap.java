package io.creditflow.identity;

import io.creditflow.common.CreditFlowProperties;
import io.creditflow.identity.AccessPolicy.Grant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings identity to the state the product needs, every time the engine starts, before it serves a request:
 * the groups, the {@link AccessPolicy} authorizations, the shared Tasklist filters, and either the demo users
 * (embedded default) or the first administrator from the environment. Idempotent: what exists is kept (a filter or a
 * user an administrator changed stays changed); what is missing is added. Safe when two nodes start together: a
 * duplicate created concurrently is logged and skipped.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class IdentityBootstrap extends AbstractCamundaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  static final String DEMO_PASSWORD = "demo";

  /** A demo user: one per group, with password "demo" unless another is given. */
  record DemoUser(String id, String firstName, String lastName, String groupId, String password) {

    DemoUser(String id, String firstName, String lastName, String groupId) {
      this(id, firstName, lastName, groupId, DEMO_PASSWORD);
    }
  }

  static final List<DemoUser> DEMO_USERS = List.of(
      new DemoUser("demo", "Demo", "Administrator", StaffGroups.CAMUNDA_ADMIN),
      new DemoUser("officer", "Olivia", "Officer", StaffGroups.CREDIT_OFFICERS),
      new DemoUser("manager", "Ming", "Manager", StaffGroups.CREDIT_MANAGERS),
      new DemoUser("collector", "Chen", "Collector", StaffGroups.COLLECTORS),
      new DemoUser("senior", "Sofia", "Senior", StaffGroups.SENIOR_COLLECTORS),
      new DemoUser("lawyer", "Liang", "Lawyer", StaffGroups.LEGAL),
      new DemoUser("risk", "Rui", "Risk", StaffGroups.RISK_MANAGERS),
      new DemoUser("handler", "Hana", "Handler", StaffGroups.COMPLAINT_HANDLERS),
      new DemoUser("supervisor", "Sam", "Supervisor", StaffGroups.COMPLAINT_MANAGERS),
      new DemoUser("marketer", "Mia", "Marketer", StaffGroups.MARKETING),
      new DemoUser("auditor", "Ada", "Auditor", StaffGroups.COMPLIANCE),
      new DemoUser("ops", "Owen", "Operations", StaffGroups.OPERATIONS, "demo"),
      new DemoUser("channel", "Channel", "Gateway", StaffGroups.API_CLIENTS));

  /** A shared Tasklist filter. */
  record FilterDefinition(String name, String description, int priority, Function<TaskService, TaskQuery> query) {}

  static final List<FilterDefinition> FILTERS = List.of(
      new FilterDefinition("My tasks", "Tasks assigned to me", -10,
          tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
      new FilterDefinition("My groups' tasks", "Tasks of my groups, claimed or not", 0,
          tasks -> tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
              .includeAssignedTasks().orderByDueDate().asc()),
      new FilterDefinition("Overdue", "Tasks I may see whose due date has passed", 10,
          tasks -> tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc()));

  private final CreditFlowProperties properties;

  public IdentityBootstrap(CreditFlowProperties properties) {
    this.properties = properties;
    if (!properties.demo().enabled() && !properties.admin().isComplete()) {
      throw new MissingAdminCredentialsException();
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    StaffGroups.ALL.forEach(group -> ensureGroup(identity, group));
    if (properties.demo().enabled()) {
      DEMO_USERS.forEach(user -> ensureUser(identity, user.id(), user.firstName(), user.lastName(), user.password(),
          user.groupId()));
      log.warn("Demo users are active (embedded default only): {} - password '{}' ('ops' for ops). "
          + "Run with profile 'mysql' (or creditflow.demo.enabled=false) in production.",
          DEMO_USERS.stream().map(DemoUser::id).toList(), DEMO_PASSWORD);
    } else {
      CreditFlowProperties.Admin admin = properties.admin();
      ensureUser(identity, admin.user(), "CreditFlow", "Administrator", admin.password(), StaffGroups.CAMUNDA_ADMIN);
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    AccessPolicy.grants().forEach(grant -> ensureGrant(authorizations, grant));
    for (FilterDefinition definition : FILTERS) {
      String filterId = ensureFilter(engine.getFilterService(), engine.getTaskService(), definition);
      AccessPolicy.filterGrants(filterId).forEach(grant -> ensureGrant(authorizations, grant));
    }
  }

  private void ensureGroup(IdentityService identity, StaffGroups.GroupDefinition definition) {
    if (identity.createGroupQuery().groupId(definition.id()).count() > 0) {
      return;
    }
    Group group = identity.newGroup(definition.id());
    group.setName(definition.name());
    group.setType(definition.type());
    createUnlessConcurrent("group " + definition.id(), () -> identity.saveGroup(group),
        () -> identity.createGroupQuery().groupId(definition.id()).count() > 0);
  }

  private void ensureUser(IdentityService identity, String userId, String firstName, String lastName,
      String password, String groupId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      createUnlessConcurrent("user " + userId, () -> identity.saveUser(user),
          () -> identity.createUserQuery().userId(userId).count() > 0);
      log.info("Created user '{}' in group '{}'", userId, groupId);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      createUnlessConcurrent("membership " + userId + "/" + groupId,
          () -> identity.createMembership(userId, groupId),
          () -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
    }
  }

  private void ensureGrant(AuthorizationService authorizations, Grant grant) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .list().stream().findFirst().orElse(null);
    boolean isNew = authorization == null;
    if (isNew) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    boolean changed = isNew;
    for (Permission permission : grant.permissions()) {
      if (isNew || !authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      Authorization toSave = authorization;
      createUnlessConcurrent("authorization " + AccessPolicy.describe(grant),
          () -> authorizations.saveAuthorization(toSave),
          () -> !isNew || authorizations.createAuthorizationQuery().groupIdIn(grant.groupId())
              .resourceType(grant.resource()).resourceId(grant.resourceId()).count() > 0);
    }
  }

  private String ensureFilter(FilterService filters, TaskService tasks, FilterDefinition definition) {
    Filter existing = filters.createFilterQuery().filterName(definition.name()).list().stream().findFirst()
        .orElse(null);
    if (existing != null) {
      return existing.getId();
    }
    Filter filter = filters.newTaskFilter(definition.name())
        .setQuery(definition.query().apply(tasks))
        .setProperties(Map.of(
            "description", definition.description(),
            "priority", definition.priority(),
            "refresh", true));
    filters.saveFilter(filter);
    log.info("Created Tasklist filter '{}'", definition.name());
    return filter.getId();
  }

  /**
   * Runs {@code create}; when it fails because another node starting at the same time created the same thing between
   * our check and our insert, logs and goes on. Any other failure (an invalid id, a broken database) is thrown.
   */
  private static void createUnlessConcurrent(String what, Runnable create, BooleanSupplier existsNow) {
    try {
      create.run();
    } catch (ProcessEngineException e) {
      if (!existsNow.getAsBoolean()) {
        throw e;
      }
      log.warn("{} was created concurrently by another node: {}", what, e.getMessage());
    }
  }
}
