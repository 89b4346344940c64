package io.creditflow.campaign;

import static io.creditflow.campaign.PromotionCampaignProcess.AGE_FROM;
import static io.creditflow.campaign.PromotionCampaignProcess.AGE_TO;
import static io.creditflow.campaign.PromotionCampaignProcess.BUDGET;
import static io.creditflow.campaign.PromotionCampaignProcess.CASHBACK_AMOUNT;
import static io.creditflow.campaign.PromotionCampaignProcess.CHANNEL;
import static io.creditflow.campaign.PromotionCampaignProcess.CODE;
import static io.creditflow.campaign.PromotionCampaignProcess.DISCLOSURE;
import static io.creditflow.campaign.PromotionCampaignProcess.END_DATE;
import static io.creditflow.campaign.PromotionCampaignProcess.GRADES;
import static io.creditflow.campaign.PromotionCampaignProcess.INTEREST_FREE_MONTHS;
import static io.creditflow.campaign.PromotionCampaignProcess.NAME;
import static io.creditflow.campaign.PromotionCampaignProcess.PARTNER_MERCHANT;
import static io.creditflow.campaign.PromotionCampaignProcess.RATE_DISCOUNT_BPS;
import static io.creditflow.campaign.PromotionCampaignProcess.START_DATE;

import io.creditflow.origination.Channel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Marketing's campaign terms as entered in the start (or revision) form, read and checked for form: required
 * values present, numbers whole or with at most two decimals, known channel and grades. Whether the terms are
 * acceptable (dates, budget, benefit limits, disclosure) is for {@link CampaignChecks}.
 *
 * @param channel the target channel, null = any; ageFrom/ageTo null = no bound; grades empty = any grade
 */
public record CampaignDraft(String name, String code, String channel, Integer ageFrom, Integer ageTo,
    List<String> grades, String partnerMerchant, int rateDiscountBps, int interestFreeMonths,
    BigDecimal cashbackAmount, BigDecimal budget, LocalDate startDate, LocalDate endDate, String disclosure) {

  static final Pattern CODE_PATTERN = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");
  static final List<String> GRADE_LETTERS = List.of("A", "B", "C", "D", "E");

  /** Reads the form values; throws {@link Invalid} listing every problem. */
  static CampaignDraft read(Map<String, Object> values, ZoneId zone) {
    Reader in = new Reader(values, zone);
    String name = in.text(NAME, 100, true);
    String code = in.text(CODE, 32, true);
    if (code != null && !CODE_PATTERN.matcher(code).matches()) {
      in.problem(CODE, "3-32 upper-case letters, digits and '-', starting with a letter or digit");
    }
    String channel = in.text(CHANNEL, 16, false);
    if (channel != null && "ANY".equals(channel)) {
      channel = null;
    }
    if (channel != null && Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(values.get(CHANNEL)))) {
      in.problem(CHANNEL, "one of " + Arrays.toString(Channel.values()) + " or empty for any channel");
    }
    Integer ageFrom = in.whole(AGE_FROM, 18, 100, false);
    Integer ageTo = in.whole(AGE_TO, 18, 100, false);
    if (ageFrom != null && ageTo != null && ageFrom > ageTo) {
      in.problem(AGE_TO, "not below " + AGE_FROM);
    }
    List<String> grades = new ArrayList<>();
    String gradeText = in.text(GRADES, 16, false);
    if (gradeText != null) {
      for (String grade : gradeText.split("[,\\s]+")) {
        if (grade.isEmpty()) {
          continue;
        }
        if (!GRADE_LETTERS.contains(grade)) {
          in.problem(GRADES, "risk grades A-E separated by commas, e.g. A,B");
        } else if (!grades.contains(grade)) {
          grades.add(grade);
        }
      }
    }
    String merchant = in.text(PARTNER_MERCHANT, 100, false);
    Integer bps = in.whole(RATE_DISCOUNT_BPS, 0, 10_000, false);
    Integer months = in.whole(INTEREST_FREE_MONTHS, 0, 36, false);
    BigDecimal cashback = in.money(CASHBACK_AMOUNT, false);
    BigDecimal budget = in.money(BUDGET, true);
    LocalDate start = in.date(START_DATE);
    LocalDate end = in.date(END_DATE);
    String disclosure = in.text(DISCLOSURE, 1000, false);
    if (!in.problems.isEmpty()) {
      throw new Invalid(in.problems);
    }
    return new CampaignDraft(name, code, channel, ageFrom, ageTo, List.copyOf(grades), merchant,
        bps == null ? 0 : bps, months == null ? 0 : months, cashback == null ? BigDecimal.ZERO.setScale(2) : cashback,
        budget, start, end, disclosure);
  }

  /** The form input cannot be used; {@link #getMessage()} lists every field with its problem, one per line. */
  static final class Invalid extends RuntimeException {

    private final List<String> problems;

    Invalid(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }

  private static final class Reader {

    private final Map<String, Object> values;
    private final ZoneId zone;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, Object> values, ZoneId zone) {
      this.values = values;
      this.zone = zone;
    }

    void problem(String field, String message) {
      problems.add(field + ": " + message);
    }

    String text(String field, int max, boolean required) {
      Object value = values.get(field);
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (required) {
          problem(field, "required");
        }
        return null;
      }
      if (!(value instanceof String s) || s.strip().length() > max) {
        problem(field, "text of at most " + max + " characters");
        return null;
      }
      return s.strip();
    }

    Integer whole(String field, int min, int max, boolean required) {
      BigDecimal number = number(field, required);
      if (number == null) {
        return null;
      }
      if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
          || number.compareTo(BigDecimal.valueOf(max)) > 0) {
        problem(field, "a whole number from " + min + " to " + max);
        return null;
      }
      return number.intValueExact();
    }

    BigDecimal money(String field, boolean required) {
      BigDecimal number = number(field, required);
      if (number == null) {
        return null;
      }
      if (number.signum() < 0 || number.stripTrailingZeros().scale() > 2
          || number.compareTo(new BigDecimal("9999999999999.99")) > 0) {
        problem(field, "an amount of 0 or more with at most two decimals");
        return null;
      }
      return number.setScale(2);
    }

    private BigDecimal number(String field, boolean required) {
      Object value = values.get(field);
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (required) {
          problem(field, "required");
        }
        return null;
      }
      try {
        if (value instanceof Number || value instanceof String) {
          return new BigDecimal(value.toString().strip());
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problem(field, "a number");
      return null;
    }

    LocalDate date(String field) {
      Object value = values.get(field);
      if (value instanceof Date date) {
        return date.toInstant().atZone(zone).toLocalDate();
      }
      if (value instanceof LocalDate date) {
        return date;
      }
      if (value instanceof String text && !text.isBlank()) {
        try {
          // Camunda Forms' date picker sends 2027-03-01
          return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
        } catch (DateTimeParseException e) {
          problem(field, "a date such as 2027-03-01");
          return null;
        }
      }
      problem(field, "required");
      return null;
    }
  }
}
