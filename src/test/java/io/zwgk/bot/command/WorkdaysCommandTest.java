package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zwgk.bot.command.Command.WorkdaysProblem;
import io.zwgk.bot.remind.WorkCalendar;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkdaysCommandTest {
  private static final LocalDate APRIL_30 = LocalDate.of(2024, 4, 30);
  private final WorkCalendar calendar = WorkCalendar.load(Path.of("bot-config", "holidays-cn.csv"));

  @ParameterizedTest
  @ValueSource(strings = {
      "工作日 2024-04-30 5",
      "@政务公开助手 工作日 2024-04-30 5",
      "工作日 2024/4/30 5",
      "工作日 2024.4.30 5",
      "工作日 2024年4月30日 5",
      "工作日2024年4月30日5个工作日",
      "工作日：2024-04-30 5个",
      "工作日 2024-04-30 起 5 个工作日",
      "工作日 ２０２４－０４－３０ ５",
      "工作日　２０２４／４／３０　５",
      "计算工作日 2024-4-30 +5",
  })
  @DisplayName("工作日 accepts ISO, slashed, dotted and 年月日 dates, full-width digits and a trailing 个工作日")
  void parsesVariants(String text) {
    assertThat(CommandParser.parse(text)).isEqualTo(new Command.Workdays(APRIL_30, 5));
  }

  @Test
  @DisplayName("N may go up to 365; the start date is kept as typed")
  void bounds() {
    assertThat(CommandParser.parse("工作日 2024-01-01 1")).isEqualTo(new Command.Workdays(LocalDate.of(2024, 1, 1), 1));
    assertThat(CommandParser.parse("工作日 2027-12-31 365"))
        .isEqualTo(new Command.Workdays(LocalDate.of(2027, 12, 31), 365));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "工作日                 | MISSING_ARGUMENTS  | ''",
      "@机器人 工作日：        | MISSING_ARGUMENTS  | ''",
      "工作日 2024-04-30      | MISSING_COUNT      | 2024-04-30",
      "工作日 明天 5           | UNREADABLE         | 明天 5",
      "工作日 5 2024-04-30    | UNREADABLE         | 5 2024-04-30",
      "工作日 2024-04-305     | UNREADABLE         | 2024-04-305",
      "工作日 2024-04-30 五   | UNREADABLE         | 2024-04-30 五",
      "工作日 2024-04-30 -5   | UNREADABLE         | 2024-04-30 -5",
      "工作日 2024-02-30 5    | NO_SUCH_DATE       | 2024-02-30 5",
      "工作日 2023年2月29日    | NO_SUCH_DATE       | 2023年2月29日",
      "工作日 1999-12-31 5    | YEAR_OUT_OF_RANGE  | 1999-12-31 5",
      "工作日 2100-01-01 5    | YEAR_OUT_OF_RANGE  | 2100-01-01 5",
      "工作日 2024-04-30 0    | COUNT_OUT_OF_RANGE | 2024-04-30 0",
      "工作日 2024-04-30 366  | COUNT_OUT_OF_RANGE | 2024-04-30 366",
      "工作日 2024-04-30 999999999 | COUNT_OUT_OF_RANGE | 2024-04-30 999999999",
  })
  @DisplayName("工作日 alone or with bad arguments asks for the format and says what is wrong")
  void usage(String text, WorkdaysProblem problem, String arguments) {
    assertThat(CommandParser.parse(text)).isEqualTo(new Command.WorkdaysUsage(problem, arguments));
  }

  @Test
  @DisplayName("other commands are not taken for 工作日")
  void notWorkdays() {
    assertThat(CommandParser.parse("完成率 水利局")).isEqualTo(Command.Completion.of("水利局"));
    assertThat(CommandParser.parse("今天是工作日吗")).isEqualTo(new Command.Unknown("今天是工作日吗"));
  }

  @Test
  @DisplayName("the record refuses N outside 1..365 and years outside 2000..2099")
  void recordInvariants() {
    assertThatThrownBy(() -> new Command.Workdays(APRIL_30, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.Workdays(APRIL_30, 366)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.Workdays(LocalDate.of(1999, 1, 1), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("the reply gives the seed bulletin's deadline, 5 working days after 2024-04-30: Friday 2024-05-10")
  void reply() {
    assertThat(Replies.workdays(APRIL_30, 5, calendar.deadline(APRIL_30, 5)))
        .isEqualTo("2024年4月30日起 5 个工作日，截止 2024年5月10日（星期五）");
    LocalDate friday = LocalDate.of(2024, 4, 26);
    assertThat(Replies.workdays(friday, 1, calendar.deadline(friday, 1)))
        .isEqualTo("2024年4月26日起 1 个工作日，截止 2024年4月28日（星期日）");
  }

  @Test
  @DisplayName("a deadline in 2027 carries the note that the holiday schedule is not yet published")
  void estimatedReply() {
    LocalDate start = LocalDate.of(2026, 12, 30);
    assertThat(Replies.workdays(start, 3, calendar.deadline(start, 3)))
        .isEqualTo("2026年12月30日起 3 个工作日，截止 2027年1月4日（星期一）\n2027年节假日安排尚未公布，按周一至周五估算");
  }

  @Test
  @DisplayName("the usage reply names the problem, echoes what was typed and shows the format with an example")
  void usageReplies() {
    String format = "用法：工作日 起算日期 天数，如「工作日 2024-04-30 5」，日期也可写成 2024/4/30 或 2024年4月30日；"
        + "天数为 1 到 365。起算当日不计，从下一个工作日算第 1 天。";
    assertThat(reply("工作日")).isEqualTo("请写出起算日期和工作日天数。\n" + format);
    assertThat(reply("工作日 2024-04-30")).isEqualTo("缺少工作日天数。\n" + format);
    assertThat(reply("工作日 明天 5")).isEqualTo("没看懂「明天 5」。\n" + format);
    assertThat(reply("工作日 2024-02-30 5")).isEqualTo("「2024-02-30 5」中的日期不存在。\n" + format);
    assertThat(reply("工作日 1999-01-01 5")).startsWith("年份须在 2000 到 2099 之间。\n");
    assertThat(reply("工作日 2024-04-30 400")).startsWith("工作日天数须在 1 到 365 之间。\n");
    assertThat(Replies.help()).contains("工作日 2024-04-30 5");
  }

  private static String reply(String text) {
    return Replies.workdaysUsage((Command.WorkdaysUsage) CommandParser.parse(text));
  }
}
