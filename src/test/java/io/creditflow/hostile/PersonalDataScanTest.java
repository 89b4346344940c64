package io.creditflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.creditflow.common.crypto.Masking;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scanner of {@link PersonalDataInLogsIT} finds what it must and lets masked forms through. */
class PersonalDataScanTest {

  @Test
  void unmaskedPersonalDataIsFoundAndMaskedFormsPass() throws Exception {
    Set<String> known = PersonalDataInLogsIT.knownPersonalData();
    assertThat(known).contains("+8613800138000", "li.wei@example.com", "SANDBOX-PRIME-0001");

    assertThat(PersonalDataInLogsIT.leak("sent SMS to +8613800138000", Set.of())).isEqualTo("+8613800138000");
    assertThat(PersonalDataInLogsIT.leak("mail to someone.else@corp.example.net failed", Set.of()))
        .isEqualTo("someone.else@corp.example.net");
    assertThat(PersonalDataInLogsIT.leak("customer 11010519491231002X registered", Set.of()))
        .isEqualTo("11010519491231002X");
    assertThat(PersonalDataInLogsIT.leak("bureau answered for SANDBOX-NEAR-PRIME-7f3a", Set.of()))
        .isEqualTo("SANDBOX-NEAR-PRIME-7f3a");
    assertThat(PersonalDataInLogsIT.leak("x HS-1234abcd y", Set.of("HS-1234abcd"))).isEqualTo("HS-1234abcd");

    assertThat(PersonalDataInLogsIT.leak("sent SMS to " + Masking.mobile("+8613800138000") + " (national id "
        + Masking.nationalId("11010519491231002X") + ", " + Masking.nationalId("SANDBOX-PRIME-0001") + ") and "
        + Masking.email("li.wei@example.com"), known)).isNull();
    assertThat(PersonalDataInLogsIT.leak("inspection seed 489695948204229029 started", known)).isNull();
    assertThat(PersonalDataInLogsIT.leak("2027-01-31T09:00:00.123+08:00 process 8c0e1f2a-0000-4000-8000-"
        + "123456789012 at Asia/Shanghai, amount 50000.00, loan LN7K2M9Q4R8T1X", known)).isNull();
  }
}
