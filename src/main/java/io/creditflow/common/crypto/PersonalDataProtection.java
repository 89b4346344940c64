package io.creditflow.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data for storage (AES-256-GCM, a fresh 96-bit nonce per value, 128-bit tag) and computes keyed
 * look-up hashes (HMAC-SHA256) so a national id can be found and de-duplicated without decrypting anything.
 * Stored form: {@code v1:<base64(nonce || ciphertext || tag)>}; the prefix names the key version, so keys can be
 * rotated later by adding a version.
 */
@Component
public class PersonalDataProtection {

  private static final String VERSION = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec dataKey;
  private final SecretKeySpec lookupKey;
  private final SecureRandom random = new SecureRandom();

  public PersonalDataProtection(CryptoProperties properties) {
    this.dataKey = new SecretKeySpec(key("creditflow.crypto.data-key (CREDITFLOW_DATA_KEY)", properties.dataKey()),
        "AES");
    this.lookupKey = new SecretKeySpec(
        key("creditflow.crypto.lookup-key (CREDITFLOW_LOOKUP_KEY)", properties.lookupKey()), "HmacSHA256");
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return VERSION + Base64.getEncoder().encodeToString(
          ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    if (!stored.startsWith(VERSION)) {
      throw new IllegalStateException("Unknown ciphertext version");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Stored personal data cannot be decrypted (wrong key or damaged value)", e);
    }
  }

  /** Keyed hash of an identifier, normalised (trimmed, upper case): equal ids give equal hashes, nothing else. */
  public String lookupHash(String identifier) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(lookupKey);
      return HexFormat.of().formatHex(mac.doFinal(
          identifier.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Hashing failed", e);
    }
  }

  private static byte[] key(String name, String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalStateException(name + " is not set: a base64-encoded 256-bit key is required "
          + "(e.g. `openssl rand -base64 32`).");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not valid base64.", e);
    }
    if (key.length != 32) {
      throw new IllegalStateException(name + " must decode to 32 bytes (256 bits), not " + key.length + ".");
    }
    return key;
  }
}
