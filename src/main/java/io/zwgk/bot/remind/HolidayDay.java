package io.zwgk.bot.remind;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code holidays-cn.csv}: a date that deviates from "Mon–Fri work, Sat–Sun off", or a weekend day inside a
 * holiday range.
 *
 * @param date the day
 * @param working true for {@code work} (调休上班), false for {@code off}
 * @param noticeYear the year of the State Council notice that lists the day
 */
record HolidayDay(LocalDate date, boolean working, int noticeYear) {
  HolidayDay {
    Objects.requireNonNull(date, "date");
  }
}
