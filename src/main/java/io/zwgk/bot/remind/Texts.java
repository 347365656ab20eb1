package io.zwgk.bot.remind;

import java.time.LocalDate;
import java.time.Period;

/** Small Chinese text helpers for reminder lines. */
final class Texts {
  private Texts() {
  }

  /** {@code 5月13日}, with the year when it differs from {@code today}'s. */
  static String date(LocalDate date, LocalDate today) {
    String day = date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    return date.getYear() == today.getYear() ? day : date.getYear() + "年" + day;
  }

  /** {@code 14 天}, {@code 6 个月}, {@code 1 年}, {@code 1 年 6 个月}. */
  static String period(Period p) {
    StringBuilder out = new StringBuilder();
    if (p.getYears() != 0) {
      out.append(p.getYears()).append(" 年");
    }
    if (p.getMonths() != 0) {
      out.append(out.length() == 0 ? "" : " ").append(p.getMonths()).append(" 个月");
    }
    if (p.getDays() != 0 || out.length() == 0) {
      out.append(out.length() == 0 ? "" : " ").append(p.getDays()).append(" 天");
    }
    return out.toString();
  }

  /** The text cut to at most {@code max} characters (code points), ending in … when cut; line breaks become spaces. */
  static String shorten(String text, int max) {
    String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (flat.codePointCount(0, flat.length()) <= max) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, max - 1)) + "…";
  }
}
