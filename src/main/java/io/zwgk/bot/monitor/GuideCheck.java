package io.zwgk.bot.monitor;

import io.zwgk.bot.monitor.MonitorConfig.GuideContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a 信息公开指南 page with the canonical address, phone and fax. A value is present when the page contains
 * it, ignoring spaces and punctuation (address) or dashes, spaces and brackets (numbers: {@code 0797—7177965} ==
 * {@code 0797-7177965} == {@code (0797)7177965}; a number without its area code also counts). A missing value is a
 * mismatch quoting the page's lines about it. Pure.
 */
final class GuideCheck {
  private static final Pattern NUMBER = Pattern.compile("(?<!\\d)(?:[(（]?0\\d{2,3}[)）]?[\\s\\-—–－‐‑]*)?\\d{7,8}(?!\\d)");
  private static final Pattern NOT_DIGIT = Pattern.compile("\\D");
  private static final Pattern PUNCTUATION = Pattern.compile("[\\s\\p{P}\\p{S}]");
  private static final int MAX_QUOTE = 120;

  private GuideCheck() {
  }

  /**
   * A detail the guide gets wrong.
   *
   * @param field 地址, 电话 or 传真
   * @param expected the canonical value
   * @param quote what the page says about it, or that it says nothing
   */
  record Mismatch(String field, String expected, String quote) {
    Mismatch {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(quote, "quote");
    }
  }

  static List<Mismatch> check(String pageText, GuideContact canonical) {
    List<Mismatch> out = new ArrayList<>();
    canonical.address().filter(a -> !hasAddress(pageText, a))
        .ifPresent(a -> out.add(new Mismatch("地址", a, quote(pageText, "地址", "地点"))));
    canonical.phone().filter(p -> !hasNumber(pageText, p))
        .ifPresent(p -> out.add(new Mismatch("电话", p, quote(pageText, "电话", "联系方式"))));
    canonical.fax().filter(f -> !hasNumber(pageText, f))
        .ifPresent(f -> out.add(new Mismatch("传真", f, quote(pageText, "传真", "传真"))));
    return out;
  }

  /** The digits of a phone number. */
  static String digits(String number) {
    return NOT_DIGIT.matcher(number).replaceAll("");
  }

  static boolean hasNumber(String text, String number) {
    String wanted = digits(number);
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String found = digits(m.group());
      if (found.equals(wanted) || found.length() >= 7 && wanted.endsWith(found) && found.length() < wanted.length()
          && wanted.startsWith("0")) {
        return true;
      }
    }
    return false;
  }

  static boolean hasAddress(String text, String address) {
    return PUNCTUATION.matcher(text).replaceAll("").contains(PUNCTUATION.matcher(address).replaceAll(""));
  }

  private static String quote(String text, String keyword, String other) {
    Optional<String> line = text.lines().filter(l -> l.contains(keyword) || l.contains(other)).findFirst();
    return line.map(l -> shorten(l, keyword)).orElse("页面未写明" + keyword);
  }

  private static String shorten(String line, String keyword) {
    if (line.length() <= MAX_QUOTE) {
      return line;
    }
    int at = Math.max(0, line.indexOf(keyword) - 20);
    String cut = line.substring(at, Math.min(line.length(), at + MAX_QUOTE));
    return (at > 0 ? "…" : "") + cut + (at + MAX_QUOTE < line.length() ? "…" : "");
  }
}
