package io.creditflow.identity;

import static io.creditflow.identity.ProcessKeys.CLOSE_OF_BUSINESS;
import static io.creditflow.identity.ProcessKeys.COLLECTION;
import static io.creditflow.identity.ProcessKeys.COMPLAINT_RESOLUTION;
import static io.creditflow.identity.ProcessKeys.CREDIT_LIMIT_REVIEW;
import static io.creditflow.identity.ProcessKeys.EARLY_WARNING_REVIEW;
import static io.creditflow.identity.ProcessKeys.FUND_USAGE_INVESTIGATION;
import static io.creditflow.identity.ProcessKeys.HARDSHIP_ASSESSMENT;
import static io.creditflow.identity.ProcessKeys.LEGAL_HANDOVER;
import static io.creditflow.identity.ProcessKeys.LOAN_ORIGINATION;
import static io.creditflow.identity.ProcessKeys.NOTIFICATION_FAILURE;
import static io.creditflow.identity.ProcessKeys.PORTFOLIO_EARLY_WARNING;
import static io.creditflow.identity.ProcessKeys.POST_LOAN_INSPECTION;
import static io.creditflow.identity.ProcessKeys.PROMOTION_CAMPAIGN;
import static io.creditflow.identity.StaffGroups.COLLECTORS;
import static io.creditflow.identity.StaffGroups.COMPLAINT_HANDLERS;
import static io.creditflow.identity.StaffGroups.COMPLAINT_MANAGERS;
import static io.creditflow.identity.StaffGroups.COMPLIANCE;
import static io.creditflow.identity.StaffGroups.CREDIT_MANAGERS;
import static io.creditflow.identity.StaffGroups.CREDIT_OFFICERS;
import static io.creditflow.identity.StaffGroups.LEGAL;
import static io.creditflow.identity.StaffGroups.MARKETING;
import static io.creditflow.identity.StaffGroups.OPERATIONS;
import static io.creditflow.identity.StaffGroups.RISK_MANAGERS;
import static io.creditflow.identity.StaffGroups.SENIOR_COLLECTORS;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Who may do what, as Camunda authorizations: each staff group sees and works the tasks of its processes in Tasklist,
 * starts the processes it owns, and managers' groups read instances and history in Cockpit — and no more.
 * {@code camunda-admin} gets everything. {@code api-clients} get no engine grants: systems
 * use {@code /api}, where controllers check groups.
 *
 * <p>Tasks themselves are not granted here: when a task gets a candidate group or an assignee, the engine grants that
 * group or user the task (its default task permissions). Grants here add what Tasklist and Cockpit need around them.
 */
public final class AccessPolicy {

  /** One grant: a group gets permissions on a resource id ({@code *} for all). */
  public record Grant(String groupId, Resource resource, String resourceId, Set<Permission> permissions) {

    Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      this(groupId, resource, resourceId, Set.of(permissions));
    }
  }

  /** Processes a group works in (their tasks, diagrams), starts itself, and reads in Cockpit. */
  private record Role(String group, List<String> works, List<String> starts, List<String> monitors) {}

  private static final String ALL = "*";

  private static final List<Role> ROLES = List.of(
      // post-loan inspection: remediation tasks of failed documents / repayment-capacity items
      new Role(CREDIT_OFFICERS,
          List.of(LOAN_ORIGINATION, CREDIT_LIMIT_REVIEW, HARDSHIP_ASSESSMENT, POST_LOAN_INSPECTION), List.of(),
          List.of()),
      new Role(CREDIT_MANAGERS,
          List.of(LOAN_ORIGINATION, CREDIT_LIMIT_REVIEW, HARDSHIP_ASSESSMENT), List.of(),
          List.of(LOAN_ORIGINATION, CREDIT_LIMIT_REVIEW, HARDSHIP_ASSESSMENT)),
      new Role(COLLECTORS, List.of(COLLECTION), List.of(), List.of()),
      // post-loan inspection: remediation tasks of failed contact-record items
      new Role(SENIOR_COLLECTORS, List.of(COLLECTION, POST_LOAN_INSPECTION), List.of(), List.of(COLLECTION)),
      new Role(LEGAL, List.of(LEGAL_HANDOVER), List.of(), List.of()),
      new Role(RISK_MANAGERS,
          List.of(CLOSE_OF_BUSINESS, FUND_USAGE_INVESTIGATION, EARLY_WARNING_REVIEW, LEGAL_HANDOVER,
              PORTFOLIO_EARLY_WARNING, POST_LOAN_INSPECTION),
          List.of(CLOSE_OF_BUSINESS, PORTFOLIO_EARLY_WARNING, POST_LOAN_INSPECTION),
          List.of(LOAN_ORIGINATION, CLOSE_OF_BUSINESS, CREDIT_LIMIT_REVIEW, FUND_USAGE_INVESTIGATION,
              EARLY_WARNING_REVIEW, HARDSHIP_ASSESSMENT, COLLECTION, LEGAL_HANDOVER, PORTFOLIO_EARLY_WARNING,
              POST_LOAN_INSPECTION)),
      new Role(COMPLAINT_HANDLERS, List.of(COMPLAINT_RESOLUTION), List.of(COMPLAINT_RESOLUTION), List.of()),
      new Role(COMPLAINT_MANAGERS, List.of(COMPLAINT_RESOLUTION), List.of(COMPLAINT_RESOLUTION),
          List.of(COMPLAINT_RESOLUTION)),
      new Role(MARKETING, List.of(PROMOTION_CAMPAIGN), List.of(PROMOTION_CAMPAIGN), List.of(PROMOTION_CAMPAIGN)),
      // Operations resolve notifications that could not be delivered, and follow those cases in Cockpit.
      new Role(OPERATIONS, List.of(NOTIFICATION_FAILURE), List.of(), List.of(NOTIFICATION_FAILURE)),
      // Compliance reviews promotions and audits conduct: it reads every process, changes none.
      new Role(COMPLIANCE, List.of(PROMOTION_CAMPAIGN), List.of(),
          List.of(LOAN_ORIGINATION, CLOSE_OF_BUSINESS, CREDIT_LIMIT_REVIEW, FUND_USAGE_INVESTIGATION,
              EARLY_WARNING_REVIEW, HARDSHIP_ASSESSMENT, COLLECTION, LEGAL_HANDOVER, COMPLAINT_RESOLUTION,
              PORTFOLIO_EARLY_WARNING, POST_LOAN_INSPECTION, PROMOTION_CAMPAIGN, NOTIFICATION_FAILURE)));

  private AccessPolicy() {}

  /** Every grant of the policy, merged so that each (group, resource, id) appears once. */
  public static List<Grant> grants() {
    Map<String, Grant> merged = new LinkedHashMap<>();
    for (Grant grant : rawGrants()) {
      merged.merge(grant.groupId() + "|" + grant.resource().resourceType() + "|" + grant.resourceId(), grant,
          (a, b) -> new Grant(a.groupId(), a.resource(), a.resourceId(), union(a.permissions(), b.permissions())));
    }
    return List.copyOf(merged.values());
  }

  /** The grants on the shared Tasklist filters: every staff group may read them. */
  public static List<Grant> filterGrants(String filterId) {
    return StaffGroups.STAFF.stream()
        .map(group -> new Grant(group, Resources.FILTER, filterId, READ))
        .toList();
  }

  /** Groups whose members may open Cockpit. */
  public static List<String> cockpitGroups() {
    return ROLES.stream().filter(role -> !role.monitors().isEmpty()).map(Role::group).toList();
  }

  private static List<Grant> rawGrants() {
    List<Grant> grants = new ArrayList<>();
    // Administrators: everything, on every resource, as Camunda's own initial-admin setup grants them. (The engine
    // already skips checks for its admin groups; the webapps' application-access check reads these grants.)
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(StaffGroups.CAMUNDA_ADMIN, resource, ALL, Permissions.ALL));
    }
    for (Role role : ROLES) {
      String group = role.group();
      grants.add(new Grant(group, APPLICATION, "tasklist", ACCESS));
      // names of colleagues and groups in Tasklist (assignee, candidate groups, "assign to")
      grants.add(new Grant(group, USER, ALL, READ));
      grants.add(new Grant(group, GROUP, ALL, READ));
      role.works().forEach(key -> grants.add(new Grant(group, PROCESS_DEFINITION, key, READ)));
      if (!role.starts().isEmpty()) {
        grants.add(new Grant(group, PROCESS_INSTANCE, ALL, CREATE));
        role.starts().forEach(key -> grants.add(new Grant(group, PROCESS_DEFINITION, key, READ, CREATE_INSTANCE)));
      }
      if (!role.monitors().isEmpty()) {
        grants.add(new Grant(group, APPLICATION, "cockpit", ACCESS));
        grants.add(new Grant(group, DECISION_DEFINITION, ALL, READ, READ_HISTORY));
        role.monitors().forEach(key ->
            grants.add(new Grant(group, PROCESS_DEFINITION, key, READ, READ_INSTANCE, READ_HISTORY)));
      }
    }
    return grants;
  }

  private static Set<Permission> union(Set<Permission> a, Set<Permission> b) {
    Set<Permission> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  static String describe(Grant grant) {
    return grant.groupId() + " " + Arrays.toString(grant.permissions().stream().map(Permission::getName).sorted()
        .toArray()) + " on " + grant.resource().resourceName() + " " + grant.resourceId();
  }
}
