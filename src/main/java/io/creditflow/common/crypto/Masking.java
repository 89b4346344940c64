package io.creditflow.common.crypto;

/** Masks personal data for logs, screens and messages: enough to recognise, not enough to use. */
public final class Masking {

  private Masking() {}

  /** {@code SANDBOX-PRIME-0001} → {@code SA************0001}. */
  public static String nationalId(String value) {
    return keepEnds(value, 2, 4);
  }

  /** {@code +8613800138000} → {@code +86*******8000}. */
  public static String mobile(String value) {
    return keepEnds(value, 3, 4);
  }

  /** {@code li.wei@example.com} → {@code l****@example.com}. */
  public static String email(String value) {
    if (value == null) {
      return null;
    }
    int at = value.indexOf('@');
    if (at <= 0) {
      return "*".repeat(value.length());
    }
    return value.charAt(0) + "*".repeat(Math.max(at - 1, 1)) + value.substring(at);
  }

  private static String keepEnds(String value, int head, int tail) {
    if (value == null) {
      return null;
    }
    if (value.length() <= head + tail) {
      return "*".repeat(value.length());
    }
    return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
  }
}
