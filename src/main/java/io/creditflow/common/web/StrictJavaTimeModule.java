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
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * Dates and times in our API are ISO-8601 strings only. Jackson's java.time support also reads numbers (epoch
 * seconds, epoch days) and arrays ({@code [2027,1,31]}); a value date of {@code 20270131} silently becoming a date
 * in 57,000 AD, or {@code 5} becoming 1970, is not acceptable for money. Anything but a string is a 400.
 * Registered with Spring Boot's ObjectMapper as a bean (Camunda's REST API keeps its own mapper).
 */
@Component
public class StrictJavaTimeModule extends SimpleModule {

  public StrictJavaTimeModule() {
    super("creditflow-strict-java-time");
    addDeserializer(OffsetDateTime.class, stringOnly(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
    addDeserializer(ZonedDateTime.class, stringOnly(ZonedDateTime.class, InstantDeserializer.ZONED_DATE_TIME));
    addDeserializer(Instant.class, stringOnly(Instant.class, InstantDeserializer.INSTANT));
    addDeserializer(LocalDate.class, stringOnly(LocalDate.class, LocalDateDeserializer.INSTANCE));
    addDeserializer(LocalDateTime.class, stringOnly(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE));
  }

  private static <T> JsonDeserializer<T> stringOnly(Class<T> type, JsonDeserializer<? extends T> delegate) {
    return new StdDeserializer<T>(type) {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
          return type.cast(context.handleUnexpectedToken(type, parser));
        }
        return delegate.deserialize(parser, context);
      }
    };
  }
}
