package io.creditflow.servicing;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Loan numbers: {@code LN} followed by 12 random characters of Crockford's base 32 (digits and capitals without I, L,
 * O and U, so a number read out on the phone is not mistaken), e.g. {@code LN7K3QX9M2TB4D}.
 *
 * <p>No database sequence: 12 characters carry 60 random bits from {@link SecureRandom}, about 10^18 numbers, so among
 * ten million loans the chance that any two ever drew the same number is about 1 in 20,000. The loan table's primary
 * key still refuses a duplicate, and the booking then rolls back and is retried with a fresh number (see
 * {@link DisbursementService}), so a collision costs a retry, never a wrong loan. Numbers carry no date, customer or
 * sequence information.
 */
public final class LoanNumbers {

  public static final String PREFIX = "LN";
  public static final int RANDOM_CHARACTERS = 12;
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern WELL_FORMED = Pattern.compile("LN[0-9A-HJKMNP-TV-Z]{12}");

  private final SecureRandom random = new SecureRandom();

  /** A fresh random loan number. */
  public String next() {
    StringBuilder number = new StringBuilder(PREFIX.length() + RANDOM_CHARACTERS).append(PREFIX);
    for (int i = 0; i < RANDOM_CHARACTERS; i++) {
      number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return number.toString();
  }

  /** Whether {@code candidate} has the form of a loan number (it may still name no loan). */
  public static boolean isWellFormed(String candidate) {
    return candidate != null && WELL_FORMED.matcher(candidate).matches();
  }
}
