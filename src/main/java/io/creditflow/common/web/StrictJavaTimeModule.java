package io.creditflow.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/**
 * Dates and times in our API are ISO-8601 strings only. Jackson's java.time support also reads numbers (epoch
 * seconds, epoch days) and arrays ({@code [2027,1,31]}); a value date of {@code 20270131} silently becoming a date
 * in 57,000 AD, or {@code 5} becoming 1970, is not acceptable for money. Anything but a string is a 400.
 *
 * <p>Years before {@value #FIRST_YEAR} are a 400 too: no loan, payment or report dates from then, and dates before
 * the Gregorian reform do not survive the trip through JDBC unchanged (a report dated {@code 0000-01-01} was stored as
 * another day, so its idempotent repeat looked like a conflict: found by the hostile-input tests).
 * Registered with Spring Boot's ObjectMapper as a bean (Camunda's REST API keeps its own mapper).
 */
@Component
public class StrictJavaTimeModule extends SimpleModule {

  /** The earliest year a date in a request may have. */
  public static final int FIRST_YEAR = 1900;

  public StrictJavaTimeModule() {
    super("creditflow-strict-java-time");
    addDeserializer(OffsetDateTime.class, stringOnly(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME,
        OffsetDateTime::getYear));
    addDeserializer(ZonedDateTime.class, stringOnly(ZonedDateTime.class, InstantDeserializer.ZONED_DATE_TIME,
        ZonedDateTime::getYear));
    addDeserializer(Instant.class, stringOnly(Instant.class, InstantDeserializer.INSTANT,
        i -> i.atOffset(ZoneOffset.UTC).getYear()));
    addDeserializer(LocalDate.class, stringOnly(LocalDate.class, LocalDateDeserializer.INSTANCE, LocalDate::getYear));
    addDeserializer(LocalDateTime.class, stringOnly(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE,
        LocalDateTime::getYear));
  }

  private static <T> JsonDeserializer<T> stringOnly(Class<T> type, JsonDeserializer<? extends T> delegate,
      ToIntFunction<T> year) {
    return new StdDeserializer<T>(type) {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
          return type.cast(context.handleUnexpectedToken(type, parser));
        }
        String text = parser.getText();
        T value = delegate.deserialize(parser, context);
        if (value != null && year.applyAsInt(value) < FIRST_YEAR) {
          return type.cast(context.handleWeirdStringValue(type, text, "must not be before the year " + FIRST_YEAR));
        }
        return value;
      }
    };
  }
}
