package io.creditflow.bureau;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditflow.support.CreditFlowWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application as it starts by default: the sandbox bureau, and reports survive the application's JSON. */
@CreditFlowWebTest
class BureauContextTest {

  @Autowired
  CreditBureau bureau;

  @Autowired
  ObjectMapper objectMapper;

  @Test
  void theSandboxIsTheDefault() {
    assertThat(bureau).isInstanceOf(SandboxCreditBureau.class);
    assertThat(bureau.fetch("SANDBOX-PRIME-0001").bureauScore()).isEqualTo(820);
  }

  @Test
  void aReportRoundTripsThroughTheApplicationsObjectMapper() throws Exception {
    BureauReport report = bureau.fetch("SANDBOX-SUBPRIME-0001");

    String json = objectMapper.writeValueAsString(report);

    assertThat(objectMapper.readValue(json, BureauReport.class)).isEqualTo(report);
  }
}
