package io.creditflow.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PersonalDataProtectionTest {

  private static final String KEY_A = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  private static final String KEY_B = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

  private final PersonalDataProtection protection = new PersonalDataProtection(new CryptoProperties(KEY_A, KEY_B));

  @Test
  void encryptsWithAFreshNonceAndDecryptsBack() {
    String first = protection.encrypt("SANDBOX-PRIME-0001");
    String second = protection.encrypt("SANDBOX-PRIME-0001");

    assertThat(first).startsWith("v1:").doesNotContain("SANDBOX").isNotEqualTo(second);
    assertThat(protection.decrypt(first)).isEqualTo("SANDBOX-PRIME-0001");
    assertThat(protection.decrypt(second)).isEqualTo("SANDBOX-PRIME-0001");
    assertThat(protection.decrypt(protection.encrypt("李伟 li.wei@example.com"))).isEqualTo("李伟 li.wei@example.com");
    assertThat(protection.encrypt(null)).isNull();
    assertThat(protection.decrypt(null)).isNull();
  }

  @Test
  void tamperingOrAnotherKeyIsDetected() {
    String sealed = protection.encrypt("+8613800138000");
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
    bytes[bytes.length - 1] ^= 1;
    String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

    assertThatThrownBy(() -> protection.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be decrypted");
    PersonalDataProtection otherKey = new PersonalDataProtection(new CryptoProperties(KEY_B, KEY_A));
    assertThatThrownBy(() -> otherKey.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> protection.decrypt("v9:abc")).hasMessageContaining("version");
  }

  @Test
  void lookupHashesAreKeyedAndNormalised() {
    String hash = protection.lookupHash("sandbox-prime-0001 ");
    assertThat(hash).hasSize(64).isEqualTo(protection.lookupHash("SANDBOX-PRIME-0001"))
        .isNotEqualTo(protection.lookupHash("SANDBOX-PRIME-0002"))
        .isNotEqualTo(new PersonalDataProtection(new CryptoProperties(KEY_A, KEY_A)).lookupHash("SANDBOX-PRIME-0001"));
  }

  @Test
  void missingOrWeakKeysStopStartUpWithTheVariableName() {
    assertThatThrownBy(() -> new PersonalDataProtection(new CryptoProperties(null, KEY_B)))
        .hasMessageContaining("CREDITFLOW_DATA_KEY");
    assertThatThrownBy(() -> new PersonalDataProtection(new CryptoProperties(KEY_A, "not base64!")))
        .hasMessageContaining("CREDITFLOW_LOOKUP_KEY").hasMessageContaining("base64");
    assertThatThrownBy(() -> new PersonalDataProtection(new CryptoProperties(
        Base64.getEncoder().encodeToString(new byte[16]), KEY_B))).hasMessageContaining("32 bytes");
  }

  @Test
  void maskingKeepsOnlyEnoughToRecognise() {
    assertThat(Masking.nationalId("SANDBOX-PRIME-0001")).isEqualTo("SA************0001");
    assertThat(Masking.mobile("+8613800138000")).isEqualTo("+86*******8000");
    assertThat(Masking.email("li.wei@example.com")).isEqualTo("l*****@example.com");
    assertThat(Masking.nationalId("123")).isEqualTo("***");
    assertThat(Masking.email("nonsense")).isEqualTo("********");
    assertThat(Masking.mobile(null)).isNull();
  }
}
