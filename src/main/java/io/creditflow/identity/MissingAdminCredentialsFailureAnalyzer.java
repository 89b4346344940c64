package io.creditflow.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing first administrator into Spring Boot's short "APPLICATION FAILED TO START" report. */
class MissingAdminCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdminCredentialsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminCredentialsException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set the environment variables CREDITFLOW_ADMIN_USER and CREDITFLOW_ADMIN_PASSWORD to the id and initial "
            + "password of the first administrator (member of camunda-admin). They are used to create that user "
            + "when it does not exist yet.",
        cause);
  }
}
