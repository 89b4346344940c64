package io.creditflow.contact;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the DMN decisions of {@code processes/contact/}: the jurisdiction profile ({@code contact-policy.dmn}:
 * quiet hours and caps), whether a channel interrupts ({@code contact-channels.dmn}) and which rules a purpose obeys
 * ({@code contact-purposes.dmn}). Evaluated on every decision, so a redeployed table applies at once.
 */
@Component
class ContactRules {

  static final String PROFILE_DECISION = "contactJurisdictionProfile";
  static final String CHANNEL_DECISION = "contactChannel";
  static final String PURPOSE_DECISION = "contactPurpose";

  /** One jurisdiction profile. Quiet hours start inclusive, end exclusive; start after end spans midnight. */
  record Profile(String jurisdiction, LocalTime quietHoursStart, LocalTime quietHoursEnd, int callAttemptsPerWindow,
      Duration callWindow, Duration conversationPause, int unansweredDialsPerNumberPerDay, int smsPerDay,
      int emailPerDay) {}

  /** The rules a purpose obeys. */
  record Purpose(PurposeCategory category, boolean holdApplies, boolean ceaseApplies, boolean capsApply) {}

  private final DecisionService decisions;

  ContactRules(ProcessEngine engine) {
    this.decisions = engine.getDecisionService();
  }

  Profile profile(String jurisdiction) {
    List<Map<String, Object>> rows = decisions.evaluateDecisionByKey(PROFILE_DECISION)
        .variables(Variables.createVariables().putValue("jurisdiction", jurisdiction)).evaluate().getResultList();
    if (rows.isEmpty()) {
      throw new IllegalStateException("No contact jurisdiction profile '" + jurisdiction + "' in DMN "
          + PROFILE_DECISION + " (processes/contact/contact-policy.dmn); check creditflow.contact.jurisdiction");
    }
    Map<String, Object> row = rows.get(0);
    return new Profile(jurisdiction, LocalTime.parse((String) row.get("quietHoursStart")),
        LocalTime.parse((String) row.get("quietHoursEnd")), number(row, "callAttemptsPerWindow"),
        Duration.ofDays(number(row, "callWindowDays")), Duration.ofDays(number(row, "conversationPauseDays")),
        number(row, "unansweredDialsPerNumberPerDay"), number(row, "smsPerDay"), number(row, "emailPerDay"));
  }

  boolean interrupts(ContactChannel channel) {
    List<Map<String, Object>> rows = decisions.evaluateDecisionByKey(CHANNEL_DECISION)
        .variables(Variables.createVariables().putValue("channel", channel.name())).evaluate().getResultList();
    if (rows.isEmpty()) {
      throw new IllegalStateException("Channel " + channel + " has no row in DMN " + CHANNEL_DECISION);
    }
    return Boolean.TRUE.equals(rows.get(0).get("interrupts"));
  }

  Purpose purpose(String purpose) {
    Map<String, Object> row = decisions.evaluateDecisionByKey(PURPOSE_DECISION)
        .variables(Variables.createVariables().putValue("purpose", purpose)).evaluate().getFirstResult();
    if (row == null) {
      throw new IllegalStateException("Purpose " + purpose + " has no row in DMN " + PURPOSE_DECISION);
    }
    return new Purpose(PurposeCategory.valueOf((String) row.get("category")),
        Boolean.TRUE.equals(row.get("holdApplies")), Boolean.TRUE.equals(row.get("ceaseApplies")),
        Boolean.TRUE.equals(row.get("capsApply")));
  }

  private static int number(Map<String, Object> row, String name) {
    Object value = row.get(name);
    if (!(value instanceof Number number) || number.intValue() < 0) {
      throw new IllegalStateException("DMN " + PROFILE_DECISION + ": " + name + " must be a whole number >= 0, is "
          + value);
    }
    return number.intValue();
  }
}
