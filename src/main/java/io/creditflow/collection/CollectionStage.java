package io.creditflow.collection;

/**
 * The stages of a collection case, in escalation order. Which stage applies at which days past due is the DMN
 * {@code collectionStage} (processes/collection/collection-stages.dmn), per strategy; {@link #NONE} is "nothing yet"
 * (below the strategy's first stage).
 */
public enum CollectionStage {
  NONE,
  SMS_REMINDER,
  EMAIL_REMINDER,
  COLLECTOR_CALL,
  SENIOR_ESCALATION,
  DEMAND_LETTER,
  LEGAL_HANDOVER;

  /** The next stage up (a broken promise escalates one stage); LEGAL_HANDOVER stays. */
  public CollectionStage next() {
    return this == LEGAL_HANDOVER ? this : values()[ordinal() + 1];
  }

  /** Whether the stage's action is a call (a user task after the contact policy allowed it). */
  public boolean isCall() {
    return this == COLLECTOR_CALL || this == SENIOR_ESCALATION;
  }

  /** The higher of the two. */
  public static CollectionStage max(CollectionStage a, CollectionStage b) {
    if (a == null) {
      return b;
    }
    return b == null || a.ordinal() >= b.ordinal() ? a : b;
  }
}
