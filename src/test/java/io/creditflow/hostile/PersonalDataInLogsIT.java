package io.creditflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Personal data never appears unmasked in the log of a whole test run. Every test context (profile {@code test})
 * logs to {@code target/test-logs/creditflow.log} as well (see {@code application-test.yaml}); this failsafe test runs
 * after all unit, process and REST tests (surefire) and scans that file for
 * <ul>
 *   <li>the phone numbers, e-mail addresses and national ids the tests and the bureau sandbox use, collected from the
 *       sources ({@code src/test/java}, {@code src/main/resources/bureau}), and</li>
 *   <li>anything shaped like personal data: 18-character Chinese resident id numbers (17 digits and a check digit or
 *       X), E.164 phone numbers, e-mail addresses, sandbox persona ids.</li>
 * </ul>
 * Masked forms ({@code common/crypto/Masking}: {@code +86*******8000}, {@code l****@example.com},
 * {@code SA************0001}) do not match. Failures name the file and line. Once scanned, the log is moved to
 * {@code target/test-logs/scanned/} so the next run is scanned on its own.
 */
class PersonalDataInLogsIT {

  static final Path LOGS = Path.of("target", "test-logs");

  /** Addresses of systems, not of people: the sender of customer e-mail (creditflow.notifications.email.from). */
  private static final Pattern NOT_PERSONAL = Pattern.compile("(no-?reply|do-?not-?reply)@.*");

  static final List<Pattern> SHAPES = List.of(
      // GB 11643 resident identity number: 17 digits and a check character (digit or X)
      Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[0-9Xx](?![0-9A-Za-z])"),
      // E.164: + and up to 15 digits (ITU-T E.164, section 6.1), at least 8 as our API requires
      Pattern.compile("(?<![0-9A-Za-z*])\\+[1-9]\\d{7,14}(?!\\d)"),
      Pattern.compile("(?<![A-Za-z0-9._%+*-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
      Pattern.compile("SANDBOX-[A-Z-]+-[0-9A-Za-z]+"));

  @Test
  void theTestRunsLogNoPersonalDataUnmasked() throws IOException {
    List<Path> files = logFiles();
    Assumptions.assumeFalse(files.isEmpty(), "no test log under " + LOGS + " (run the tests first: ./mvnw verify)");
    Set<String> known = knownPersonalData();
    assertThat(known).as("personal data collected from the test sources").hasSizeGreaterThan(10);

    List<String> leaks = new ArrayList<>();
    long lines = 0;
    for (Path file : files) {
      try (BufferedReader reader = reader(file)) {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          lines++;
          String leak = leak(line, known);
          if (leak != null && leaks.size() < 200) {
            leaks.add(file.getFileName() + ":" + number + ": " + leak + "  <-  "
                + (line.length() > 300 ? line.substring(0, 300) + "…" : line));
          }
        }
      }
    }
    moveAside(files);
    assertThat(lines).as("lines scanned").isPositive();
    assertThat(leaks).as("unmasked personal data in the test log (file:line: what <- line)").isEmpty();
  }

  /** The first unmasked personal datum in the line, or null. */
  static String leak(String line, Set<String> known) {
    for (String datum : known) {
      if (line.contains(datum)) {
        return datum;
      }
    }
    for (Pattern shape : SHAPES) {
      Matcher m = shape.matcher(line);
      while (m.find()) {
        String found = m.group();
        if (shape == SHAPES.get(0) && !isResidentId(found)) {
          continue; // 18 digits that are no resident id: a seed, a counter
        }
        if (!NOT_PERSONAL.matcher(found).matches()) {
          return found;
        }
      }
    }
    return null;
  }

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  /**
   * A GB 11643-1999 resident identity number: a birth date (yyyyMMdd) at positions 7-14 and the ISO 7064 MOD 11-2
   * check character (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, remainder 0-10 maps to 1 0 X 9 8 7 6 5 4 3 2).
   */
  static boolean isResidentId(String value) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (value.charAt(i) - '0') * WEIGHTS[i];
    }
    if (CHECK.charAt(sum % 11) != Character.toUpperCase(value.charAt(17))) {
      return false;
    }
    try {
      java.time.LocalDate.parse(value.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
      return value.startsWith("19", 6) || value.startsWith("20", 6);
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** Phone numbers, e-mail addresses and national ids written in the test sources and the bureau sandbox. */
  static Set<String> knownPersonalData() throws IOException {
    Set<String> data = new TreeSet<>();
    Pattern quoted = Pattern.compile("\"([^\"\\\\]{6,80})\"");
    Pattern personal = Pattern.compile("\\+[1-9]\\d{7,14}(?!\\d)|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"
        + "|SANDBOX-[A-Z-]+-\\d{4}|(?<![0-9A-Za-z])[1-9]\\d{16}[0-9X](?![0-9A-Za-z])");
    for (Path root : List.of(Path.of("src", "test", "java"), Path.of("src", "main", "resources", "bureau"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> sources = Files.walk(root)) {
        for (Path source : sources.filter(Files::isRegularFile).toList()) {
          Matcher literal = quoted.matcher(Files.readString(source, StandardCharsets.UTF_8));
          while (literal.find()) {
            Matcher m = personal.matcher(literal.group(1));
            while (m.find()) {
              if (!m.group().matches("\\d{17}[0-9X]") || isResidentId(m.group())) {
                data.add(m.group());
              }
            }
          }
        }
      }
    }
    data.removeIf(datum -> NOT_PERSONAL.matcher(datum).matches());
    return data;
  }

  private static List<Path> logFiles() throws IOException {
    if (!Files.isDirectory(LOGS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(LOGS)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().startsWith("creditflow.log")).sorted().toList();
    }
  }

  private static BufferedReader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static void moveAside(List<Path> files) throws IOException {
    Path scanned = LOGS.resolve("scanned");
    Files.createDirectories(scanned);
    for (Path file : files) {
      Files.move(file, scanned.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
