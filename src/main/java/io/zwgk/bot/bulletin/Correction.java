package io.zwgk.bot.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A 更正 sent after a bulletin was published: the published text stays as it was, the correction follows it.
 *
 * @param number 1 for 更正（一）, counted per month
 * @param text the correction as staff wrote it
 * @param day the day it was issued (the service's time zone), printed under it
 * @param correctedAt when it was recorded
 * @param platform the chat platform of who wrote it, or {@code admin} for the admin API
 * @param userId their user id on that platform (may be empty)
 * @param userName their display name (may be empty)
 */
public record Correction(int number, String text, LocalDate day, Instant correctedAt, String platform, String userId,
    String userName) {
  public Correction {
    if (number < 1) {
      throw new IllegalArgumentException("a correction's number starts at 1: " + number);
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(correctedAt, "correctedAt");
    Objects.requireNonNull(platform, "platform");
    userId = userId == null ? "" : userId;
    userName = userName == null ? "" : userName;
  }

  /** {@code 更正（一）}, {@code 更正（十二）}: how the correction is headed wherever it is shown. */
  public String heading() {
    return "更正（" + numeral(number) + "）";
  }

  private static String numeral(int n) {
    if (n > 99) {
      return String.valueOf(n);
    }
    String digits = "〇一二三四五六七八九";
    String tens = n < 10 ? "" : (n < 20 ? "" : String.valueOf(digits.charAt(n / 10))) + "十";
    return tens + (n % 10 == 0 && n >= 10 ? "" : String.valueOf(digits.charAt(n % 10)));
  }

  /** The name to show: the display name, else the user id, else the platform. */
  public String who() {
    return !userName.isBlank() ? userName : !userId.isBlank() ? userId : platform;
  }
}
