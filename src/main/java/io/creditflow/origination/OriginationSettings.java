package io.creditflow.origination;

import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Settings as the origination model reads them in expressions, e.g. {@code ${originationSettings.documentsWait}} for
 * a timer or {@code ${originationSettings.reviewDueDate()}} for a task's due date (engine time).
 */
@Component("originationSettings")
public class OriginationSettings {

  private final OriginationProperties properties;
  private final Clock clock;

  public OriginationSettings(OriginationProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** ISO-8601 duration of the wait for documents, for a timer. */
  public String getDocumentsWait() {
    return properties.documentsWait().toString();
  }

  /** ISO-8601 duration after which an officer's review is escalated to credit managers. */
  public String getReviewEscalation() {
    return properties.reviewDue().toString();
  }

  public Date reviewDueDate() {
    return Date.from(clock.instant().plus(properties.reviewDue()));
  }

  public Date secondApprovalDueDate() {
    return Date.from(clock.instant().plus(properties.secondApprovalDue()));
  }
}
