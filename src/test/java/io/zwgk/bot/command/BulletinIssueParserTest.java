package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 月报 预览/发布 with an issue date, 月报 期号 and 月报 更正. */
class BulletinIssueParserTest {
  private static final Optional<YearMonth> APRIL = Optional.of(YearMonth.of(2024, 4));
  private static final Optional<IssueDay> MAY_6 = Optional.of(IssueDay.of(LocalDate.of(2024, 5, 6)));
  private static final Optional<IssueDay> MAY_6_NO_YEAR =
      Optional.of(new IssueDay(Optional.empty(), MonthDay.of(5, 6)));

  @Test
  @DisplayName("预览 and 发布 take an issue date after the month: 2024-05-06, 2024年5月6日, 2024/5/6, 5月6日, 5-6")
  void issueDates() {
    assertThat(CommandParser.parse("月报 发布 2024-04 2024-05-06")).isEqualTo(new Command.BulletinPublish(APRIL, MAY_6));
    assertThat(CommandParser.parse("月报 发布 2024年4月 2024年5月6日"))
        .isEqualTo(new Command.BulletinPublish(APRIL, MAY_6));
    assertThat(CommandParser.parse("月报 预览 2024/4 2024/5/6")).isEqualTo(new Command.BulletinPreview(APRIL, MAY_6));
    assertThat(CommandParser.parse("月报 发布 2024-04 5月6日"))
        .isEqualTo(new Command.BulletinPublish(APRIL, MAY_6_NO_YEAR));
    assertThat(CommandParser.parse("月报 发布 2024-04 5月6号"))
        .isEqualTo(new Command.BulletinPublish(APRIL, MAY_6_NO_YEAR));
    assertThat(CommandParser.parse("月报 预览 2024-04 5-6")).isEqualTo(new Command.BulletinPreview(APRIL, MAY_6_NO_YEAR));
    assertThat(CommandParser.parse("月报 发布 5月6日"))
        .isEqualTo(new Command.BulletinPublish(Optional.empty(), MAY_6_NO_YEAR));
    assertThat(CommandParser.parse("月报 发布 2024-05-06"))
        .as("a whole date is the issue date of the default month").isEqualTo(
            new Command.BulletinPublish(Optional.empty(), MAY_6));
    assertThat(CommandParser.parse("月报 发布 2024-04")).isEqualTo(new Command.BulletinPublish(APRIL, Optional.empty()));
  }

  @Test
  @DisplayName("a date that does not exist, a year out of range or words instead of a date are a usage reply")
  void badDates() {
    assertThat(CommandParser.parse("月报 发布 2024-04 2024-02-30")).isInstanceOf(Command.BulletinUsage.class);
    assertThat(CommandParser.parse("月报 发布 2024-04 2月30日")).isInstanceOf(Command.BulletinUsage.class);
    assertThat(CommandParser.parse("月报 发布 2024-04 1999-05-06")).isInstanceOf(Command.BulletinUsage.class);
    assertThat(CommandParser.parse("月报 发布 2024-04 下周一")).isInstanceOf(Command.BulletinUsage.class);
    assertThat(CommandParser.parse("月报 发布 2024-13 5月6日")).isInstanceOf(Command.BulletinUsage.class);
    assertThat(BulletinReplies.usage(new Command.BulletinUsage("发布 2024-04 下周一")))
        .contains("「月报 发布 2024-04 5月6日」");
  }

  @Test
  @DisplayName("a date without a year is the first such day from the month on: 1月6日 after December is next year's")
  void yearOfADayWithoutYear() {
    IssueDay jan6 = new IssueDay(Optional.empty(), MonthDay.of(1, 6));
    assertThat(jan6.in(YearMonth.of(2024, 12))).contains(LocalDate.of(2025, 1, 6));
    assertThat(MAY_6_NO_YEAR.orElseThrow().in(YearMonth.of(2024, 4))).contains(LocalDate.of(2024, 5, 6));
    assertThat(new IssueDay(Optional.empty(), MonthDay.of(4, 30)).in(YearMonth.of(2024, 4)))
        .contains(LocalDate.of(2024, 4, 30));
    assertThat(new IssueDay(Optional.empty(), MonthDay.of(2, 29)).in(YearMonth.of(2025, 1))).isEmpty();
    assertThat(new IssueDay(Optional.empty(), MonthDay.of(2, 29)).in(YearMonth.of(2024, 1)))
        .contains(LocalDate.of(2024, 2, 29));
  }

  @Test
  @DisplayName("期号 takes N or 第N期, with an optional month first; anything else is a usage reply")
  void number() {
    assertThat(CommandParser.parse("月报 期号 2024-04 4")).isEqualTo(new Command.BulletinNumber(APRIL, 4));
    assertThat(CommandParser.parse("月报 期号 第4期")).isEqualTo(new Command.BulletinNumber(Optional.empty(), 4));
    assertThat(CommandParser.parse("月报 期号 2024年4月 第12期")).isEqualTo(new Command.BulletinNumber(APRIL, 12));
    assertThat(CommandParser.parse("月报 期号 四")).isInstanceOf(Command.BulletinUsage.class);
    assertThat(CommandParser.parse("月报 期号 1000")).isInstanceOf(Command.BulletinUsage.class);
    assertThat(CommandParser.parse("月报 期号")).isInstanceOf(Command.BulletinUsage.class);
  }

  @Test
  @DisplayName("更正 takes the text, with an optional month first; a date-like start is text, no text is a usage reply")
  void correction() {
    assertThat(CommandParser.parse("月报 更正 2024-04 附件1中县水利局已发布总数应为360条"))
        .isEqualTo(new Command.BulletinCorrect(APRIL, "附件1中县水利局已发布总数应为360条"));
    assertThat(CommandParser.parse("月报 更正 2024年4月9日的考察应为4月10日"))
        .isEqualTo(new Command.BulletinCorrect(Optional.empty(), "2024年4月9日的考察应为4月10日"));
    assertThat(CommandParser.parse("月报 更正")).isInstanceOf(Command.BulletinUsage.class);
    assertThat(CommandParser.parse("月报 更正 2024-04")).isInstanceOf(Command.BulletinUsage.class);
  }
}
