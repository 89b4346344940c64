package io.creditflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.creditflow.notification.NotificationTemplates.RenderedMessage;
import io.creditflow.notification.NotificationTemplates.TemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The template files: every template in both languages and in the agreed format, and every template the code uses
 * renders with the parameters that code sends (the maps below mirror the *Notices classes and delegates).
 */
class NotificationTemplatesTest {

  private static final Path FOLDER = Path.of("src/main/resources/notification-templates");
  private static final Pattern FILE = Pattern.compile("(.+)\\.(en|zh-CN)\\.txt");

  private final NotificationTemplates templates = new NotificationTemplates();

  /** Template key -> the parameters the code sends (see the class named in each comment). */
  static Map<String, Map<String, Object>> sentByTheCode() {
    Map<String, Map<String, Object>> sent = new LinkedHashMap<>();
    // OriginationNotices: "origination." + type.toLowerCase()
    sent.put("origination.application_declined", Map.of("reasons", List.of(
        Map.of("code", "R_INCOME", "text", "Your monthly income is low for the amount requested."),
        Map.of("code", "R_EMPLOYMENT", "text", "You have been in your current employment for a short time."))));
    sent.put("origination.documents_requested", Map.of("documents", "PAYSLIP, BANK_STATEMENT"));
    Map<String, Object> offer = new LinkedHashMap<>();
    offer.put("currency", "CNY");
    offer.put("creditLimit", "100000.00");
    offer.put("amount", "50000.00");
    offer.put("termMonths", 24);
    offer.put("annualRate", "0.065500");
    offer.put("interestFreeMonths", 0);
    offer.put("monthlyInstalment", "2228.44");
    offer.put("promotions", List.of("0.25% off for applying in the app"));
    offer.put("expiresAt", "2026-12-06T14:36:52Z");
    sent.put("origination.offer_made", offer);
    sent.put("origination.offer_expired", Map.of());
    sent.put("origination.loan_disbursed", Map.of("loanNumber", "LN7K2Q", "amount", "50000.00", "currency", "CNY"));
    // HardshipNotices: "hardship." + type in kebab case
    sent.put("hardship.hardship-approved", Map.of("loanNumber", "LN7K2Q", "currency", "CNY",
        "newInstalment", "731.78", "newRemainingMonths", 18));
    sent.put("hardship.hardship-declined", Map.of("loanNumber", "LN7K2Q", "reason", "HARDSHIP_NOT_SHOWN"));
    // CobNotices
    sent.put("servicing.payment-reminder", Map.of("loanNumber", "LN7K2Q", "sequenceNumber", 3,
        "dueDate", "2027-03-02", "amountDue", "1066.19", "currency", "CNY"));
    sent.put("servicing.loan-settled", Map.of("loanNumber", "LN7K2Q", "settledOn", "2027-03-02"));
    // FundUsageActions
    sent.put("servicing.loan-recalled", Map.of("loanNumber", "LN7K2Q", "reasonCode", "FU_GAMBLING",
        "amountDue", "12000.00", "currency", "CNY", "dueDate", "2027-03-02"));
    sent.put("servicing.fund-usage-line-frozen", Map.of("loanNumber", "LN7K2Q", "reasonCode", "FU_GAMBLING"));
    // ReviewActions
    sent.put("servicing.credit-limit-reviewed", Map.of("creditLineId", "CL-1", "action", "INCREASE",
        "creditLimit", "120000.00", "currency", "CNY", "reasonCode", "LR_GOOD_BEHAVIOUR",
        "reasonText", "You repaid on time."));
    // ComplaintNotices: "regulatory." + type in kebab case; cn/uk/us choose the regulator or ombudsman
    {
      String jurisdiction = "cn";
      Map<String, Object> base = new LinkedHashMap<>();
      base.put("complaintReference", "8C0E12AB");
      base.put("cn", jurisdiction.equals("cn"));
      base.put("uk", jurisdiction.equals("uk"));
      base.put("us", jurisdiction.equals("us"));
      Map<String, Object> dated = new LinkedHashMap<>(base);
      dated.put("dueBy", "2027-02-15");
      Map<String, Object> response = new LinkedHashMap<>(base);
      response.put("outcome", "PARTIALLY_UPHELD");
      response.put("upheld", false);
      response.put("partiallyUpheld", true);
      response.put("rejected", false);
      response.put("refund", true);
      response.put("feeWaiver", true);
      response.put("creditReportCorrection", true);
      response.put("apology", true);
      response.put("refundAmount", "120.50");
      response.put("currency", "CNY");
      String suffix = "";
      sent.put("regulatory.complaint-acknowledged" + suffix, dated);
      sent.put("regulatory.complaint-extended" + suffix, dated);
      sent.put("regulatory.complaint-in-progress" + suffix, dated);
      sent.put("regulatory.complaint-final-response" + suffix, response);
      sent.put("regulatory.complaint-summary-resolution" + suffix, response);
      sent.put("regulatory.complaint-second-level-response" + suffix, response);
    }
    return sent;
  }

  /** The parameters plus the customer's name, as the routing sender adds it. */
  private static Map<String, Object> named(Map<String, Object> parameters) {
    Map<String, Object> values = new LinkedHashMap<>(parameters);
    values.put(RoutingNotificationSender.CUSTOMER_NAME, "Li Wei");
    return values;
  }

  private static Map<String, TreeSet<String>> languagesByKey() throws IOException {
    Map<String, TreeSet<String>> found = new TreeMap<>();
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path file : files.toList()) {
        Matcher name = FILE.matcher(file.getFileName().toString());
        assertThat(name.matches()).as("file name <templateKey>.<en|zh-CN>.txt: " + file.getFileName()).isTrue();
        found.computeIfAbsent(name.group(1), key -> new TreeSet<>()).add(name.group(2));
      }
    }
    return found;
  }

  @Test
  void everyTemplateExistsInBothLanguagesInTheAgreedFormat() throws IOException {
    Map<String, TreeSet<String>> found = languagesByKey();
    assertThat(found).isNotEmpty();
    found.forEach((key, languages) ->
        assertThat(languages).as(key).containsExactlyInAnyOrder("en", "zh-CN"));
    for (String key : found.keySet()) {
      for (String language : NotificationTemplates.LANGUAGES) {
        List<String> lines = Files.readAllLines(FOLDER.resolve(NotificationTemplates.fileName(key, language)),
            StandardCharsets.UTF_8);
        assertThat(lines.get(0)).as(key + " " + language).startsWith("Subject: ").hasSizeGreaterThan(9);
        assertThat(lines.get(1)).as(key + " " + language + ": empty line after the subject").isEmpty();
        assertThat(String.join("\n", lines.subList(2, lines.size()))).as(key + " " + language).isNotBlank();
      }
    }
  }

  @Test
  void everyTemplateTheCodeUsesRendersWithWhatTheCodeSendsInBothLanguages() throws IOException {
    Map<String, TreeSet<String>> found = languagesByKey();
    assertThat(found.keySet()).containsAll(sentByTheCode().keySet());
    sentByTheCode().forEach((key, parameters) -> {
      Map<String, Object> values = new LinkedHashMap<>(parameters);
      values.put(RoutingNotificationSender.CUSTOMER_NAME, "李伟");
      RenderedMessage english = templates.render(key, "en", values);
      RenderedMessage chinese = templates.render(key, "zh-CN", values);
      assertThat(english.language()).isEqualTo("en");
      assertThat(chinese.language()).isEqualTo("zh-CN");
      for (RenderedMessage message : List.of(english, chinese)) {
        assertThat(message.subject()).as(key).isNotBlank().doesNotContain("{{").doesNotContain("\n");
        assertThat(message.body()).as(key).isNotBlank().doesNotContain("{{").contains("李伟");
      }
      assertThat(chinese.body()).as(key + " is Chinese").containsPattern("\\p{IsHan}{4}");
      assertThat(english.body()).as(key + " is English").doesNotContainPattern("\\p{IsHan}{4}");
      // each value the code sends, as text, appears in the English text (lists by their items)
      parameters.forEach((name, value) -> {
        if (value instanceof String text) {
          assertThat(english.subject() + english.body()).as(key + " shows " + name).contains(text);
          assertThat(chinese.subject() + chinese.body()).as(key + " shows " + name).contains(text);
        }
      });
    });
  }

  @Test
  void listsAndOptionalValuesRenderAsSections() {
    RenderedMessage declined = templates.render("origination.application_declined", "en",
        named(sentByTheCode().get("origination.application_declined")));
    assertThat(declined.body()).contains("- Your monthly income is low for the amount requested. (R_INCOME)")
        .contains("(R_EMPLOYMENT)");

    Map<String, Object> offer = named(sentByTheCode().get("origination.offer_made"));
    assertThat(templates.render("origination.offer_made", "en", offer).body())
        .doesNotContain("Interest-free").contains("- 0.25% off for applying in the app");
    offer.put("interestFreeMonths", 3);
    assertThat(templates.render("origination.offer_made", "en", offer).body()).contains("Interest-free months: 3.");

    // the close of business drops a null amount: the sentence disappears, nothing fails
    Map<String, Object> reminder = named(sentByTheCode().get("servicing.payment-reminder"));
    reminder.remove("amountDue");
    assertThat(templates.render("servicing.payment-reminder", "zh-CN", reminder).body())
        .contains("LN7K2Q").doesNotContain("应还金额");
  }

  @Test
  void theLanguageFallsBackToThePrimaryLanguageThenToEnglish() {
    Map<String, Object> values = named(Map.of("loanNumber", "LN1", "settledOn", "2027-03-02"));
    assertThat(templates.render("servicing.loan-settled", "zh", values).language()).isEqualTo("zh-CN");
    assertThat(templates.render("servicing.loan-settled", "zh-Hans-CN", values).language()).isEqualTo("zh-CN");
    assertThat(templates.render("servicing.loan-settled", "fr", values).language()).isEqualTo("en");
    assertThat(templates.render("servicing.loan-settled", "en-GB", values).language()).isEqualTo("en");
    assertThat(NotificationTemplates.candidates("zh-TW")).containsExactly("zh-TW", "zh-CN", "en");
  }

  @Test
  void aMissingTemplateOrValueFailsWithAClearMessage() {
    assertThatThrownBy(() -> templates.render("collection.no-such-template", "zh-CN", Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessage("No template collection.no-such-template for language zh-CN: looked for "
            + "notification-templates/collection.no-such-template.zh-CN.txt, "
            + "notification-templates/collection.no-such-template.en.txt");
    assertThatThrownBy(() -> templates.render("../application", "en", Map.of()))
        .isInstanceOf(TemplateException.class).hasMessageStartingWith("No template ../application");
    assertThatThrownBy(() -> templates.render("servicing.loan-settled", "en", Map.of("loanNumber", "LN1",
            "customerName", "Li")))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("Template servicing.loan-settled (en) could not be filled:")
        .hasMessageContaining("settledOn");
  }

  @Test
  void complaintResponsesNameTheRegulatorOrOmbudsmanOfTheJurisdiction() {
    Map<String, String> english = Map.of("cn", "National Financial Regulatory Administration",
        "uk", "Financial Ombudsman Service", "us", "Consumer Financial Protection Bureau");
    Map<String, String> chinese = Map.of("cn", "国家金融监督管理总局", "uk", "金融申诉专员", "us", "消费者金融保护局");
    for (String key : List.of("regulatory.complaint-final-response", "regulatory.complaint-summary-resolution",
        "regulatory.complaint-second-level-response")) {
      for (String jurisdiction : List.of("cn", "uk", "us")) {
        Map<String, Object> values = named(sentByTheCode().get(key));
        values.put("cn", jurisdiction.equals("cn"));
        values.put("uk", jurisdiction.equals("uk"));
        values.put("us", jurisdiction.equals("us"));
        String en = templates.render(key, "en", values).body();
        String zh = templates.render(key, "zh-CN", values).body();
        english.forEach((j, name) -> assertThat(en.contains(name)).as(key + " " + jurisdiction + " names " + name)
            .isEqualTo(j.equals(jurisdiction)));
        chinese.forEach((j, name) -> assertThat(zh.contains(name)).as(key + " " + jurisdiction + " names " + name)
            .isEqualTo(j.equals(jurisdiction)));
        assertThat(en).contains("We will refund 120.50 CNY").contains("credit report");
      }
    }
  }
}
