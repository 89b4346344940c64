package io.creditflow.support;

import io.creditflow.CreditFlowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application as production runs it (profile {@code mysql}) on the database named by
 * {@code CREDITFLOW_TEST_DB_URL}. Every MySQL/MariaDB suite uses this, so they share one administrator and one set of
 * test-only keys: personal data written by one suite stays readable by the next.
 */
public final class MariaDbApplication {

  public static final String ADMIN = "ops.admin";
  public static final String ADMIN_PASSWORD = "It-Suite-Secret-1";
  // test-only keys (base64 of 32 bytes)
  private static final String DATA_KEY = "aXQtc3VpdGUtZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE=";
  private static final String LOOKUP_KEY = "aXQtc3VpdGUtbG9va3VwLWtleS0zMi1ieXRlcy1vayE=";

  private MariaDbApplication() {}

  public static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CreditFlowApplication.class).profiles("mysql").run(
        "--CREDITFLOW_DB_URL=" + System.getenv(RequiresTestDatabase.URL),
        "--CREDITFLOW_DB_USER=" + RequiresTestDatabase.env(RequiresTestDatabase.USER, "creditflow"),
        "--CREDITFLOW_DB_PASSWORD=" + RequiresTestDatabase.env(RequiresTestDatabase.PASSWORD, "creditflow"),
        "--CREDITFLOW_ADMIN_USER=" + ADMIN,
        "--CREDITFLOW_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
        "--CREDITFLOW_DATA_KEY=" + DATA_KEY,
        "--CREDITFLOW_LOOKUP_KEY=" + LOOKUP_KEY,
        "--creditflow.bureau.mode=sandbox",
        "--creditflow.notifications.delivery=log",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false");
  }
}
