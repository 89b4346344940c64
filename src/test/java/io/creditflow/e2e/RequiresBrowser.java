package io.creditflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test class only when Debian's {@code chromium} and {@code chromium-driver} are installed (the
 * browser and the driver binaries exist and are executable); otherwise skips it and says why on the console, so a
 * green build never hides that the browser suite did not run. Nothing is downloaded: the paths are
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or {@code CREDITFLOW_E2E_CHROMIUM} and
 * {@code CREDITFLOW_E2E_CHROMEDRIVER} when set (another installation of the same two programs).
 */
public class RequiresBrowser implements ExecutionCondition {

  public static final String CHROMIUM_ENV = "CREDITFLOW_E2E_CHROMIUM";
  public static final String CHROMEDRIVER_ENV = "CREDITFLOW_E2E_CHROMEDRIVER";

  /** The browser binary (Debian package {@code chromium}). */
  public static Path chromium() {
    return path(CHROMIUM_ENV, "/usr/bin/chromium");
  }

  /** The driver binary (Debian package {@code chromium-driver}). */
  public static Path chromedriver() {
    return path(CHROMEDRIVER_ENV, "/usr/bin/chromedriver");
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> missing = new ArrayList<>();
    check(chromium(), CHROMIUM_ENV, missing);
    check(chromedriver(), CHROMEDRIVER_ENV, missing);
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("chromium " + chromium() + " and chromedriver " + chromedriver()
          + " are installed");
    }
    String reason = String.join("; ", missing) + ": the browser suite is skipped (install with "
        + "`apt-get install -y --no-install-recommends chromium chromium-driver`, as .ci/run does; see README)";
    if (context.getTestMethod().isEmpty()) {
      System.out.println("SKIPPED " + context.getDisplayName() + ": " + reason);
    }
    return ConditionEvaluationResult.disabled(reason);
  }

  private static void check(Path binary, String env, List<String> missing) {
    if (!Files.isRegularFile(binary)) {
      missing.add(binary + " does not exist (or set " + env + ")");
    } else if (!Files.isExecutable(binary)) {
      missing.add(binary + " is not executable");
    }
  }

  private static Path path(String env, String fallback) {
    String value = System.getenv(env);
    return Path.of(value == null || value.isBlank() ? fallback : value);
  }
}
