package io.creditflow.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/** The Camunda groups CreditFlow relies on. Ids are fixed: models, policies and tests name them. */
public final class StaffGroups {

  public static final String CREDIT_OFFICERS = "credit-officers";
  public static final String CREDIT_MANAGERS = "credit-managers";
  public static final String COLLECTORS = "collectors";
  public static final String SENIOR_COLLECTORS = "senior-collectors";
  public static final String LEGAL = "legal";
  public static final String RISK_MANAGERS = "risk-managers";
  public static final String COMPLAINT_HANDLERS = "complaint-handlers";
  public static final String COMPLAINT_MANAGERS = "complaint-managers";
  public static final String MARKETING = "marketing";
  public static final String COMPLIANCE = "compliance";
  /** Operations staff: notifications that could not be delivered, letters for the print shop. */
  public static final String OPERATIONS = "operations";
  /** External systems (mobile app, payment gateway, call centre) calling {@code /api}. */
  public static final String API_CLIENTS = "api-clients";
  /** Camunda's administrators group: full access to everything. */
  public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

  /** A group with its display name and Camunda group type. */
  public record GroupDefinition(String id, String name, String type) {}

  public static final List<GroupDefinition> ALL = List.of(
      workflow(CREDIT_OFFICERS, "Credit officers"),
      workflow(CREDIT_MANAGERS, "Credit managers"),
      workflow(COLLECTORS, "Collectors"),
      workflow(SENIOR_COLLECTORS, "Senior collectors"),
      workflow(LEGAL, "Legal"),
      workflow(RISK_MANAGERS, "Risk managers"),
      workflow(COMPLAINT_HANDLERS, "Complaint handlers"),
      workflow(COMPLAINT_MANAGERS, "Complaint managers"),
      workflow(MARKETING, "Marketing"),
      workflow(COMPLIANCE, "Compliance"),
      workflow(OPERATIONS, "Operations"),
      new GroupDefinition(API_CLIENTS, "API clients", Groups.GROUP_TYPE_SYSTEM),
      new GroupDefinition(CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM));

  /** The groups of people who work in Tasklist (everyone but systems and administrators). */
  public static final List<String> STAFF = ALL.stream()
      .filter(group -> Groups.GROUP_TYPE_WORKFLOW.equals(group.type()))
      .map(GroupDefinition::id)
      .toList();

  private StaffGroups() {}

  private static GroupDefinition workflow(String id, String name) {
    return new GroupDefinition(id, name, Groups.GROUP_TYPE_WORKFLOW);
  }
}
