package io.creditflow.notification;

import io.creditflow.common.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications/{id}}: one notification as staff may see it (the address masked, no parameters or text),
 * and {@code /api/letters}: the print shop's queue.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Notifications and letters")
class NotificationController {

  static final String NOTIFICATION_READERS = "hasAnyAuthority('operations', 'camunda-admin', 'compliance')";
  static final String PRINT_SHOP = "hasAnyAuthority('operations', 'camunda-admin')";

  record NotificationView(String notificationId, String type, NotificationChannel channel, String customerId,
      String recipient, String subjectType, String subjectId, String templateKey, String language,
      NotificationStatus status, int attempts, OffsetDateTime notBefore, OffsetDateTime createdAt,
      OffsetDateTime sentAt, String lastError, String policyReason, String cancelReason) {}

  record LetterView(String letterId, String notificationId, String customerId, String recipientName,
      String subjectType, String subjectId, String templateKey, String language, String title, String body,
      LetterStatus status, OffsetDateTime createdAt, OffsetDateTime printedAt, String printedBy) {}

  private final NotificationService notifications;
  private final NotificationOperations operations;
  private final LetterService letters;
  private final ZoneId zone;

  NotificationController(NotificationService notifications, NotificationOperations operations, LetterService letters,
      Clock clock) {
    this.notifications = notifications;
    this.operations = operations;
    this.letters = letters;
    this.zone = clock.getZone();
  }

  @GetMapping("/notifications/{id}")
  @PreAuthorize(NOTIFICATION_READERS)
  @Operation(summary = "One notification: status, attempts, last error, gate decision; the address masked")
  NotificationView notification(@PathVariable String id) {
    Notification notification = notifications.find(id)
        .orElseThrow(() -> new NotFoundException("No notification " + id + "."));
    return new NotificationView(notification.getId(), notification.getType(), notification.getChannel(),
        notification.getRecipientRef(), operations.maskedRecipient(notification), notification.getSubjectType(),
        notification.getSubjectId(), notification.getTemplateKey(), notification.getLanguage(),
        notification.getStatus(), notification.getAttempts(), time(notification.getNotBefore()),
        time(notification.getCreatedAt()), time(notification.getSentAt()), notification.getLastError(),
        notification.getPolicyReason(), notification.getCancelReason());
  }

  @GetMapping("/letters")
  @PreAuthorize(PRINT_SHOP)
  @Operation(summary = "Letters to print (status TO_PRINT, the default) or printed, oldest first")
  List<LetterView> letters(@RequestParam(defaultValue = "TO_PRINT") LetterStatus status,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    return letters.list(status, limit).stream().map(this::view).toList();
  }

  @GetMapping("/letters/{id}")
  @PreAuthorize(PRINT_SHOP)
  @Operation(summary = "One letter")
  LetterView letter(@PathVariable String id) {
    return view(letters.find(id).orElseThrow(() -> new NotFoundException("No letter " + id + ".")));
  }

  @PostMapping("/letters/{id}/printed")
  @PreAuthorize(PRINT_SHOP)
  @Operation(summary = "Mark a letter printed; repeating it changes nothing")
  LetterView printed(@PathVariable String id, Principal principal) {
    return view(letters.markPrinted(id, principal.getName()));
  }

  private LetterView view(Letter letter) {
    return new LetterView(letter.getId(), letter.getId(), letter.getCustomerId(), letter.getRecipientName(),
        letter.getSubjectType(), letter.getSubjectId(), letter.getTemplateKey(), letter.getLanguage(),
        letter.getTitle(), letter.getBody(), letter.getStatus(), time(letter.getCreatedAt()),
        time(letter.getPrintedAt()), letter.getPrintedBy());
  }

  private OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
  }
}
