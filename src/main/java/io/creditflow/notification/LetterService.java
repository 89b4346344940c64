package io.creditflow.notification;

import io.creditflow.common.audit.AuditTrail;
import io.creditflow.common.web.NotFoundException;
import io.creditflow.notification.NotificationTemplates.RenderedMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters for the print shop: stored when a LETTER notification is sent, listed for printing, marked printed.
 * Storing is idempotent per notification (a repeated send stores nothing twice).
 */
@Service
public class LetterService {

  private static final Logger log = LoggerFactory.getLogger(LetterService.class);
  static final int MAX_BODY = 4000;
  static final int MAX_TITLE = 500;

  private final LetterRepository letters;
  private final AuditTrail auditTrail;
  private final Clock clock;

  LetterService(LetterRepository letters, AuditTrail auditTrail, Clock clock) {
    this.letters = letters;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** Stores the rendered letter of {@code notification}, or returns the one stored before. */
  @Transactional
  public Letter store(Notification notification, Recipient recipient, RenderedMessage message) {
    Optional<Letter> existing = letters.findById(notification.getId());
    if (existing.isPresent()) {
      return existing.get();
    }
    if (message.body().length() > MAX_BODY || message.subject().length() > MAX_TITLE) {
      throw new IllegalStateException("Letter of template " + notification.getTemplateKey() + " is too long to store ("
          + message.body().length() + " characters; at most " + MAX_BODY + ")");
    }
    Letter letter = letters.save(new Letter(notification, recipient.fullName(), message.subject(), message.body(),
        message.language(), now()));
    log.info("Notification {} {}: letter stored for printing (customer {})", notification.getId(),
        notification.getType(), notification.getRecipientRef());
    return letter;
  }

  /** Letters in {@code status}, oldest first, at most {@code limit}. */
  @Transactional(readOnly = true)
  public List<Letter> list(LetterStatus status, int limit) {
    return letters.findByStatusOrderByCreatedAtAscIdAsc(status, Limit.of(limit));
  }

  @Transactional(readOnly = true)
  public Optional<Letter> find(String letterId) {
    return letters.findById(letterId);
  }

  /** Marks the letter printed by {@code actor}; repeating it changes nothing. */
  @Transactional
  public Letter markPrinted(String letterId, String actor) {
    Letter letter = letters.findById(letterId)
        .orElseThrow(() -> new NotFoundException("No letter " + letterId + "."));
    if (letter.printed(actor, now())) {
      auditTrail.record(actor, "LETTER_PRINTED", "notification", letterId, "letter " + letter.getTemplateKey());
    }
    return letter;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
