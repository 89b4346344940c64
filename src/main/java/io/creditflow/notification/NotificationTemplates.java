package io.creditflow.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The message texts, one file per template and language:
 * {@code src/main/resources/notification-templates/<templateKey>.<lang>.txt}, {@code <lang>} = {@code en} or
 * {@code zh-CN}. UTF-8; the first line is {@code Subject: <subject>}, then an empty line, then the body. Subject and
 * body are Mustache templates ({@code {{name}}}, sections {@code {{#list}}...{{/list}}}, {@code {{.}}} for the
 * current item) filled from the notification's parameters, plus {@code customerName} (the customer's full name,
 * looked up when sending). Nothing is HTML-escaped: the texts are plain text. A section on a missing value, an
 * empty text, {@code false}, {@code 0} or an empty list is skipped, so optional values go in sections
 * ({@code {{#amountDue}}Amount due: {{amountDue}}{{/amountDue}}}); a plain {@code {{name}}} the parameters lack fails.
 *
 * <p>The language is the notification's, else its primary language ({@code zh-Hans-CN}, {@code zh} → {@code zh-CN}),
 * else {@code en}. A template that is missing, malformed, or names a value the parameters do not have fails with
 * {@link TemplateException}: the dispatcher records a failed attempt with that message, and goes on with the batch.
 */
@Component
public class NotificationTemplates {

  static final String FOLDER = "notification-templates/";
  static final String FALLBACK_LANGUAGE = "en";
  static final List<String> LANGUAGES = List.of("en", "zh-CN");
  private static final String SUBJECT_PREFIX = "Subject:";

  /** A template could not be found or filled. The message names template and language, never parameter values. */
  public static class TemplateException extends IllegalStateException {

    public TemplateException(String message) {
      super(message);
    }
  }

  /** The texts to send, and the language they are in. */
  public record RenderedMessage(String subject, String body, String language) {}

  private record Compiled(Template subject, Template body) {}

  private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).zeroIsFalse(true)
      .emptyStringIsFalse(true);
  private final Map<String, Optional<Compiled>> cache = new ConcurrentHashMap<>();

  /**
   * Fills template {@code templateKey} in {@code language} (or the fallback) with {@code values}.
   *
   * @throws TemplateException no file in that language nor in {@code en}, a malformed file, or a missing value
   */
  public RenderedMessage render(String templateKey, String language, Map<String, ?> values) {
    for (String candidate : candidates(language)) {
      Optional<Compiled> compiled = cache.computeIfAbsent(candidate + "|" + templateKey,
          ignored -> load(templateKey, candidate));
      if (compiled.isPresent()) {
        try {
          return new RenderedMessage(compiled.get().subject().execute(values).strip(),
              compiled.get().body().execute(values).strip(), candidate);
        } catch (MustacheException e) {
          throw new TemplateException("Template " + templateKey + " (" + candidate + ") could not be filled: "
              + firstLine(e.getMessage()));
        }
      }
    }
    throw new TemplateException("No template " + templateKey + " for language " + language + ": looked for "
        + String.join(", ", candidates(language).stream().map(lang -> FOLDER + fileName(templateKey, lang)).toList()));
  }

  /** Whether the file for this key and language exists (exact language, no fallback). */
  public boolean exists(String templateKey, String language) {
    return new ClassPathResource(FOLDER + fileName(templateKey, language)).exists();
  }

  static String fileName(String templateKey, String language) {
    return templateKey + "." + language + ".txt";
  }

  /** The languages to try, most specific first: exact, the file language of the primary language, then en. */
  static List<String> candidates(String language) {
    List<String> candidates = new ArrayList<>();
    if (language != null && !language.isBlank()) {
      candidates.add(language);
      String primary = language.split("-")[0].toLowerCase(Locale.ROOT);
      LANGUAGES.stream().filter(known -> known.toLowerCase(Locale.ROOT).startsWith(primary))
          .filter(known -> !candidates.contains(known)).findFirst().ifPresent(candidates::add);
    }
    if (!candidates.contains(FALLBACK_LANGUAGE)) {
      candidates.add(FALLBACK_LANGUAGE);
    }
    return candidates;
  }

  private Optional<Compiled> load(String templateKey, String language) {
    // keys and languages become file names: nothing that could walk out of the folder
    if (!templateKey.matches("[A-Za-z0-9._-]+") || !language.matches("[A-Za-z0-9-]+") || templateKey.contains("..")) {
      return Optional.empty();
    }
    ClassPathResource resource = new ClassPathResource(FOLDER + fileName(templateKey, language));
    if (!resource.exists()) {
      return Optional.empty();
    }
    String text;
    try (InputStream in = resource.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Template " + resource.getPath() + " could not be read", e);
    }
    return Optional.of(parse(templateKey, language, text));
  }

  private Compiled parse(String templateKey, String language, String text) {
    String normalised = text.replace("\r\n", "\n");
    if (normalised.startsWith("\uFEFF")) {
      normalised = normalised.substring(1);
    }
    int firstBreak = normalised.indexOf('\n');
    String firstLine = firstBreak < 0 ? normalised : normalised.substring(0, firstBreak);
    String rest = firstBreak < 0 ? "" : normalised.substring(firstBreak + 1);
    String where = "Template " + templateKey + " (" + language + ")";
    if (!firstLine.startsWith(SUBJECT_PREFIX) || firstLine.substring(SUBJECT_PREFIX.length()).isBlank()) {
      throw new TemplateException(where + " must start with a line 'Subject: <subject>'");
    }
    if (!rest.startsWith("\n") || rest.isBlank()) {
      throw new TemplateException(where + " needs an empty line after the subject, then the body");
    }
    try {
      return new Compiled(compiler.compile(firstLine.substring(SUBJECT_PREFIX.length()).strip()),
          compiler.compile(rest.substring(1)));
    } catch (MustacheException e) {
      throw new TemplateException(where + " is not a valid Mustache template: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
