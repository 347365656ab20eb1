package io.zwgk.bot.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds unmasked personal numbers in text: 18-digit ID numbers passing the GB 11643 checksum with a real birth date,
 * mobile numbers ({@code 1[3-9]} + 9 digits, optionally {@code +86} and 3-4-4 groups) and bank card numbers
 * (16–19 digits starting 3–6 and passing Luhn, never an ID-shaped or phone number). Masked forms
 * ({@code 138****1234}, {@code 35*************123}) are not matched. Results carry only masked forms. Pure.
 */
final class PrivacyScanner {
  private static final Pattern ID = Pattern.compile("(?<![0-9Xx*])[1-9]\\d{16}[0-9Xx](?![0-9Xx*])");
  private static final Pattern CARD = Pattern.compile(
      "(?<![\\d*])[3-6]\\d{3}(?:[ -]?\\d{4}){3}(?:[ -]?\\d{1,3})?(?![\\d*])");
  private static final Pattern MOBILE = Pattern.compile(
      "(?<![\\d*+])(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![\\d*])");
  private static final int RADIUS = 20;

  private PrivacyScanner() {
  }

  /** The kinds of personal number. */
  enum Kind {
    ID_NUMBER("身份证号"), MOBILE("手机号"), BANK_CARD("银行卡号");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /**
   * One unmasked number.
   *
   * @param start index in the text
   * @param end index after it
   * @param masked the number masked as the office's rule asks (138****1234, 35*************123, 6222***********1234)
   */
  record Leak(Kind kind, int start, int end, String masked) {
    Leak {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** Every leak, in text order; overlapping candidates resolve ID number first, then card, then mobile. */
  static List<Leak> find(String text, LocalDate today) {
    List<Leak> leaks = new ArrayList<>();
    ids(text, today, leaks);
    cards(text, today, leaks);
    mobiles(text, leaks);
    leaks.sort(Comparator.comparingInt(Leak::start));
    return leaks;
  }

  private static void ids(String text, LocalDate today, List<Leak> leaks) {
    Matcher id = ID.matcher(text);
    while (id.find()) {
      if (IdNumbers.isValidId(id.group(), today)) {
        leaks.add(new Leak(Kind.ID_NUMBER, id.start(), id.end(), keep(id.group().toUpperCase(Locale.ROOT), 2, 3)));
      }
    }
  }

  private static void cards(String text, LocalDate today, List<Leak> leaks) {
    Matcher card = CARD.matcher(text);
    while (card.find()) {
      String digits = card.group().replaceAll("[ -]", "");
      if (IdNumbers.luhn(digits) && !IdNumbers.looksLikeId(digits, today) && free(leaks, card.start(), card.end())) {
        leaks.add(new Leak(Kind.BANK_CARD, card.start(), card.end(), keep(digits, 4, 4)));
      }
    }
  }

  private static void mobiles(String text, List<Leak> leaks) {
    Matcher mobile = MOBILE.matcher(text);
    while (mobile.find()) {
      String digits = mobile.group().replaceAll("[^0-9]", "");
      if (free(leaks, mobile.start(), mobile.end()) && !partOfLongerNumber(text, mobile.start(), mobile.end())) {
        leaks.add(new Leak(Kind.MOBILE, mobile.start(), mobile.end(), keep(digits.substring(digits.length() - 11), 3,
            4)));
      }
    }
  }

  /**
   * Up to {@value #RADIUS} characters either side of {@code leak}, with every leak of the text masked, on one line.
   */
  static String excerpt(String text, Leak leak, List<Leak> all) {
    StringBuilder masked = new StringBuilder();
    int at = 0;
    int from = 0;
    int to = 0;
    for (Leak l : all) {
      masked.append(text, at, l.start());
      if (l.equals(leak)) {
        from = masked.length();
      }
      masked.append(l.masked());
      if (l.equals(leak)) {
        to = masked.length();
      }
      at = l.end();
    }
    masked.append(text.substring(at));
    String window = masked.substring(Math.max(0, from - RADIUS), Math.min(masked.length(), to + RADIUS));
    return ((from > RADIUS ? "…" : "") + window + (to + RADIUS < masked.length() ? "…" : ""))
        .replaceAll("\\s+", " ").strip();
  }

  private static boolean free(List<Leak> leaks, int start, int end) {
    return leaks.stream().noneMatch(l -> l.start() < end && start < l.end());
  }

  private static boolean partOfLongerNumber(String text, int start, int end) {
    boolean before = start >= 2 && Character.isDigit(text.charAt(start - 2)) && "- ".indexOf(text.charAt(start - 1)) >= 0;
    boolean after = end + 1 < text.length() && Character.isDigit(text.charAt(end + 1))
        && "- ".indexOf(text.charAt(end)) >= 0;
    return before || after;
  }

  private static String keep(String digits, int head, int tail) {
    return digits.substring(0, head) + "*".repeat(digits.length() - head - tail)
        + digits.substring(digits.length() - tail);
  }
}
