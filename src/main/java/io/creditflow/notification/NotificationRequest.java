package io.creditflow.notification;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A message a process wants sent. References only: {@code recipientRef} is the customer id (the address is looked
 * up when sending), and {@code parameters} are template values such as reason codes and amounts. Parameter names
 * that denote contact data or identity numbers are refused, so that they do not end up in the outbox by mistake.
 *
 * @param idempotencyKey one message per key: enqueueing the same key again returns the stored one (e.g.
 *                       {@code "APP-123:OFFER_MADE"}); at most 200 characters
 * @param type           what happened, e.g. {@link NotificationTypes#OFFER_MADE}: upper case, digits, underscores
 * @param channel        how it reaches the customer
 * @param recipientRef   the customer id
 * @param subjectType    what it is about, e.g. {@code application}, {@code loan}
 * @param subjectId      the id of that, e.g. {@code APP-123}
 * @param templateKey    the message template, e.g. {@code origination.offer-made}
 * @param parameters     template values (JSON-serialisable; null values are dropped); may be empty
 * @param language       language tag of the message, e.g. {@code zh-CN}, {@code en}
 * @param notBefore      earliest send time; null for "now"
 */
public record NotificationRequest(
    String idempotencyKey,
    String type,
    NotificationChannel channel,
    String recipientRef,
    String subjectType,
    String subjectId,
    String templateKey,
    Map<String, Object> parameters,
    String language,
    Instant notBefore) {

  private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,47}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
  /** Parameter names (lower case, without separators) that would put personal data into the outbox. */
  private static final Set<String> FORBIDDEN_PARAMETERS = Set.of("nationalid", "idnumber", "idcard", "idcardnumber",
      "mobile", "mobilenumber", "phone", "phonenumber", "email", "emailaddress", "address", "postaladdress");

  public NotificationRequest {
    requireText("idempotencyKey", idempotencyKey, 200);
    Objects.requireNonNull(type, "type is required");
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("type must be upper case letters, digits and underscores (max 48): " + type);
    }
    Objects.requireNonNull(channel, "channel is required");
    requireText("recipientRef", recipientRef, 64);
    requireText("subjectType", subjectType, 64);
    requireText("subjectId", subjectId, 128);
    requireText("templateKey", templateKey, 128);
    Objects.requireNonNull(language, "language is required");
    if (language.length() > 16 || !LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("language must be a language tag such as zh-CN or en: " + language);
    }
    parameters = copyOf(parameters);
  }

  /** A request to send as soon as possible. */
  public static NotificationRequest of(String idempotencyKey, String type, NotificationChannel channel,
      String recipientRef, String subjectType, String subjectId, String templateKey, Map<String, ?> parameters,
      String language) {
    return new NotificationRequest(idempotencyKey, type, channel, recipientRef, subjectType, subjectId, templateKey,
        parameters == null ? null : Collections.unmodifiableMap(parameters), language, null);
  }

  /** The same request, not to be sent before {@code time}. */
  public NotificationRequest notBefore(Instant time) {
    return new NotificationRequest(idempotencyKey, type, channel, recipientRef, subjectType, subjectId, templateKey,
        parameters, language, time);
  }

  private static Map<String, Object> copyOf(Map<String, ?> parameters) {
    if (parameters == null) {
      return Collections.emptyNavigableMap();
    }
    TreeMap<String, Object> copy = new TreeMap<>();
    parameters.forEach((name, value) -> {
      Objects.requireNonNull(name, "parameter names must not be null");
      String normalised = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      if (FORBIDDEN_PARAMETERS.contains(normalised)) {
        throw new IllegalArgumentException("Parameter '" + name + "' would store personal contact or identity data "
            + "in the outbox; pass references (recipientRef) and look the data up when sending");
      }
      if (value != null) {
        copy.put(name, value);
      }
    });
    return Collections.unmodifiableNavigableMap(copy);
  }

  private static void requireText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
    }
  }
}
