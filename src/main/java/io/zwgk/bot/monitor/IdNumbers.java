package io.zwgk.bot.monitor;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * Checks for 18-digit 居民身份证号 (GB 11643-1999) and bank card numbers (Luhn, ISO/IEC 7812-1). Pure.
 */
final class IdNumbers {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final Set<String> REGIONS = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
      "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
      "65", "71", "81", "82", "83");

  private IdNumbers() {
  }

  /** The GB 11643 check character of the first 17 digits. */
  static char checkDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /**
   * Whether {@code id} is an 18-character ID number: a province code, a real birth date not after {@code today}
   * (year 1800 or later) and the right check character ({@code X} in either case).
   */
  static boolean isValidId(String id, LocalDate today) {
    return looksLikeId(id, today) && Character.toUpperCase(id.charAt(17)) == checkDigit(id.substring(0, 17));
  }

  /** An ID number's shape without the checksum: 17 digits + digit/X, province code and a real birth date. */
  static boolean looksLikeId(String id, LocalDate today) {
    if (id.length() != 18 || !id.substring(0, 17).chars().allMatch(Character::isDigit)
        || !(Character.isDigit(id.charAt(17)) || id.charAt(17) == 'X' || id.charAt(17) == 'x')
        || !REGIONS.contains(id.substring(0, 2))) {
      return false;
    }
    try {
      LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
      return birth.getYear() >= 1800 && !birth.isAfter(today);
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Whether a digit string passes the Luhn mod-10 check. */
  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return !digits.isEmpty() && sum % 10 == 0;
  }
}
