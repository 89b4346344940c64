package io.creditflow.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Plausible request bodies for a {@code @RequestBody} record, derived from its components, their types and their Bean
 * Validation constraints: the starting point the hostile mutations work on, and on their own the "random but valid"
 * bodies (which may well be accepted). Deterministic for a given {@link Random}: the run's seed reproduces them.
 */
final class ValidBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> WORDS = List.of("payment", "late", "fee", "收费", "服务", "call", "app",
      "branch", "refund", "不是我借的", "statement", "interest", "harass", "wait");

  private final Random random;
  private final LocalDate today;
  private final List<String> knownIds;

  ValidBodies(Random random, LocalDate today, List<String> knownIds) {
    this.random = random;
    this.today = today;
    this.knownIds = knownIds;
  }

  ObjectNode of(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalStateException("request body " + type.getName() + " is not a record: teach ValidBodies");
    }
    ObjectNode node = NODES.objectNode();
    for (RecordComponent component : type.getRecordComponents()) {
      // Bean Validation annotations do not target record components: they land on the field (and accessor)
      AnnotatedElement annotated;
      try {
        annotated = type.getDeclaredField(component.getName());
      } catch (NoSuchFieldException e) {
        annotated = component;
      }
      JsonNode value = value(component.getName(), component.getType(), component.getGenericType(), annotated);
      if (value != null) {
        node.set(component.getName(), value);
      }
    }
    return node;
  }

  private JsonNode value(String name, Class<?> type, Type generic, AnnotatedElement element) {
    if (type == String.class) {
      return NODES.textNode(text(name, element));
    }
    if (type == BigDecimal.class) {
      return NODES.numberNode(amount(element));
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return NODES.numberNode(whole(name, element));
    }
    if (type == Boolean.class || type == boolean.class) {
      return NODES.booleanNode(random.nextBoolean());
    }
    if (type == LocalDate.class) {
      LocalDate date = name.toLowerCase(Locale.ROOT).contains("birth")
          ? LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28))
          : today.plusDays(random.nextInt(15) - 10);
      return NODES.textNode(date.toString());
    }
    if (type == OffsetDateTime.class) {
      return NODES.textNode(OffsetDateTime.of(today.atTime(9, 0), ZoneOffset.ofHours(8))
          .minusMinutes(random.nextInt(60 * 24 * 5)).truncatedTo(ChronoUnit.SECONDS).toString());
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return NODES.textNode(constants[random.nextInt(constants.length)].toString());
    }
    if (type.isRecord()) {
      return of(type);
    }
    if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] instanceof Class<?> element2) {
      ArrayNode array = NODES.arrayNode();
      int size = 1 + random.nextInt(3);
      for (int i = 0; i < size; i++) {
        array.add(value(name, element2, element2, element2));
      }
      return array;
    }
    throw new IllegalStateException("teach ValidBodies the type " + generic + " of " + name);
  }

  private String text(String name, AnnotatedElement element) {
    String lower = name.toLowerCase(Locale.ROOT);
    jakarta.validation.constraints.Pattern pattern =
        element.getAnnotation(jakarta.validation.constraints.Pattern.class);
    String suffix = Long.toString(Math.abs(random.nextLong()), 36);
    List<String> candidates;
    if (lower.contains("email")) {
      candidates = List.of("hx" + suffix + "@example.org");
    } else if (lower.contains("mobile") || lower.contains("phone")) {
      candidates = List.of("+44770090" + (1000 + random.nextInt(9000)));
    } else if (lower.contains("zone")) {
      candidates = List.of("Asia/Shanghai", "Europe/London", "UTC", "America/New_York");
    } else if (lower.contains("language")) {
      candidates = List.of("zh-CN", "en");
    } else if (lower.equals("currency")) {
      candidates = List.of("CNY");
    } else if (lower.contains("loannumber") || lower.endsWith("id") && !lower.contains("national")) {
      candidates = List.of(knownIds.get(random.nextInt(knownIds.size())), "HX" + suffix);
    } else if (lower.contains("reference") || lower.contains("nationalid")) {
      candidates = List.of("HX-" + suffix, "HX" + suffix.toUpperCase(Locale.ROOT));
    } else if (lower.equals("type") || lower.contains("code")) {
      candidates = List.of("PAYSLIP", "BANK_STATEMENT", "HX-" + suffix.toUpperCase(Locale.ROOT));
    } else {
      StringBuilder words = new StringBuilder();
      int count = 1 + random.nextInt(6);
      for (int i = 0; i < count; i++) {
        words.append(i == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
      }
      candidates = List.of(words.toString(), "HX-" + suffix);
    }
    Size size = element.getAnnotation(Size.class);
    int max = size == null ? Integer.MAX_VALUE : size.max();
    for (int i = 0; i < candidates.size(); i++) {
      String candidate = candidates.get((i + random.nextInt(candidates.size())) % candidates.size());
      candidate = candidate.length() > max ? candidate.substring(0, max) : candidate;
      if (pattern == null || Pattern.matches(pattern.regexp(), candidate)) {
        return candidate;
      }
    }
    return candidates.get(0);
  }

  private BigDecimal amount(AnnotatedElement element) {
    DecimalMax decimalMax = element.getAnnotation(DecimalMax.class);
    BigDecimal max = decimalMax == null ? new BigDecimal("500000") : new BigDecimal(decimalMax.value())
        .min(new BigDecimal("500000"));
    BigDecimal value = switch (random.nextInt(4)) {
      case 0 -> new BigDecimal(1 + random.nextInt(100));
      case 1 -> new BigDecimal(1000 + random.nextInt(49000));
      default -> BigDecimal.valueOf(random.nextDouble() * max.doubleValue());
    };
    return value.max(new BigDecimal("0.01")).min(max).setScale(2, RoundingMode.HALF_UP);
  }

  private long whole(String name, AnnotatedElement element) {
    Min min = element.getAnnotation(Min.class);
    Max max = element.getAnnotation(Max.class);
    if (min == null && max == null) {
      if (name.toLowerCase(Locale.ROOT).contains("term")) {
        return List.of(3, 6, 9, 12, 18, 24, 36).get(random.nextInt(7));
      }
      return random.nextInt(1000);
    }
    long low = min == null ? 0 : min.value();
    long high = max == null ? low + 1000 : max.value();
    return low + (long) (random.nextDouble() * (high - low + 1));
  }
}
