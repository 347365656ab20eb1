package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zwgk.bot.config.ConfigException;
import io.zwgk.bot.remind.ReminderRules.Letters;
import io.zwgk.bot.remind.ReminderRules.OpenDays;
import io.zwgk.bot.remind.ReminderRules.QuietHours;
import io.zwgk.bot.remind.ReminderRules.Schedule;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReminderRulesTest {
  @TempDir
  Path dir;

  private void write(String text) throws IOException {
    Files.writeString(dir.resolve("reminders.yaml"), text, StandardCharsets.UTF_8);
  }

  private List<String> errors(String text) throws IOException {
    write(text);
    return catchThrowableOfType(ConfigException.class, () -> ReminderRules.load(dir)).errors();
  }

  private String file() {
    return dir.resolve("reminders.yaml").toString();
  }

  @Test
  @DisplayName("the shipped bot-config/reminders.yaml loads: a 09:00 digest of everything and a 16:30 one of letters"
      + " and findings, quiet 22:00-07:30, and the domain defaults")
  void shippedFile() {
    ReminderRules rules = ReminderRules.load(Path.of("bot-config"));

    assertThat(rules.schedules()).containsExactly(
        new Schedule("morning", CronExpression.parse("0 9 * * *"), EnumSet.allOf(TrackedKind.class), true),
        new Schedule("afternoon", CronExpression.parse("30 16 * * *"),
            EnumSet.of(TrackedKind.LETTERS, TrackedKind.FINDINGS), false));
    assertThat(rules.quietHours()).contains(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30)));
    ReminderRules defaults = ReminderRules.defaults();
    assertThat(new ReminderRules(rules.zone(), List.of(), Optional.empty(), rules.dueSoonWorkingDays(),
        rules.columnThresholds(), rules.accountThreshold(), rules.letters(), rules.findingWorkingDays(),
        rules.openDays(), rules.escalationWorkingDays())).isEqualTo(defaults);
  }

  @Test
  @DisplayName("the defaults are the domain rules: 14 days / 6 months / 1 year, 14 days, 20+20 at 5-2-0, 5, 2")
  void defaults() {
    ReminderRules d = ReminderRules.defaults();
    assertThat(d.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(d.schedules()).isEmpty();
    assertThat(d.columnThresholds()).containsExactly(Map.entry("动态/要闻类", Period.ofDays(14)),
        Map.entry("通知公告/政策文件类", Period.ofMonths(6)), Map.entry("人事/规划计划类", Period.ofYears(1)));
    assertThat(d.accountThreshold()).isEqualTo(Period.ofDays(14));
    assertThat(d.letters()).isEqualTo(new Letters(20, 20, List.of(5, 2, 0)));
    assertThat(d.letters().limit(true)).isEqualTo(40);
    assertThat(d.findingWorkingDays()).isEqualTo(5);
    assertThat(d.openDays()).isEqualTo(new OpenDays(5, 5));
    assertThat(d.escalationWorkingDays()).isEqualTo(2);
    assertThat(d.dueSoon(TrackedKind.TASKS)).isEqualTo(3);
    assertThat(d.dueSoon(TrackedKind.LETTERS)).isZero();
  }

  @Test
  @DisplayName("a missing file means the defaults and no automatic reminders")
  void missingFile() {
    assertThat(ReminderRules.load(dir)).isEqualTo(ReminderRules.defaults());
  }

  @Test
  @DisplayName("omitted values take their defaults; kinds may be Chinese labels; default sets every window")
  void partialFile() throws IOException {
    write("""
        schedules:
          - name: noon
            cron: "0 12 * * *"
            kinds: [依申请公开, tasks]
        dueSoonWorkingDays:
          default: 4
          findings: 1
        letters:
          remindAt: [3]
        """);
    ReminderRules rules = ReminderRules.load(dir);

    assertThat(rules.schedules()).containsExactly(new Schedule("noon", CronExpression.parse("0 12 * * *"),
        EnumSet.of(TrackedKind.LETTERS, TrackedKind.TASKS), false));
    assertThat(rules.quietHours()).isEmpty();
    assertThat(rules.dueSoon(TrackedKind.COLUMNS)).isEqualTo(4);
    assertThat(rules.dueSoon(TrackedKind.FINDINGS)).isEqualTo(1);
    assertThat(rules.letters()).isEqualTo(new Letters(20, 20, List.of(3)));
    assertThat(rules.columnThresholds()).isEqualTo(ReminderRules.defaults().columnThresholds());
  }

  @Test
  @DisplayName("a column class matches by its full name or any part between slashes, with or without 类")
  void columnClassNames() {
    ReminderRules rules = ReminderRules.defaults();
    assertThat(rules.columnThreshold("动态/要闻类")).contains(Period.ofDays(14));
    assertThat(rules.columnThreshold(" 要闻类 ")).contains(Period.ofDays(14));
    assertThat(rules.columnThreshold("动态")).contains(Period.ofDays(14));
    assertThat(rules.columnThreshold("政策文件")).contains(Period.ofMonths(6));
    assertThat(rules.columnThreshold("人事类")).contains(Period.ofYears(1));
    assertThat(rules.columnThreshold("专题专栏")).isEmpty();
    assertThat(rules.columnThreshold(null)).isEmpty();
  }

  @Test
  @DisplayName("quiet hours wrap past midnight and are read in the configured zone")
  void quietHours() throws IOException {
    write("""
        quietHours: {from: "22:00", to: "7:30"}
        """);
    ReminderRules rules = ReminderRules.load(dir);
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");

    assertThat(rules.quiet(ZonedDateTime.of(2024, 5, 13, 22, 0, 0, 0, shanghai))).isTrue();
    assertThat(rules.quiet(ZonedDateTime.of(2024, 5, 13, 7, 29, 0, 0, shanghai))).isTrue();
    assertThat(rules.quiet(ZonedDateTime.of(2024, 5, 13, 7, 30, 0, 0, shanghai))).isFalse();
    assertThat(rules.quiet(ZonedDateTime.of(2024, 5, 13, 21, 59, 0, 0, shanghai))).isFalse();
    assertThat(rules.quiet(ZonedDateTime.of(2024, 5, 13, 1, 0, 0, 0, ZoneOffset.UTC))).isFalse();
    assertThat(rules.quiet(ZonedDateTime.of(2024, 5, 13, 15, 0, 0, 0, ZoneOffset.UTC))).isTrue();
    assertThat(new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0)).contains(LocalTime.of(13, 0))).isTrue();
    assertThat(new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0)).contains(LocalTime.of(23, 0))).isFalse();
  }

  @Test
  @DisplayName("an unknown field is named with its path, the fields allowed there and its line")
  void unknownField() throws IOException {
    assertThat(errors("""
        schedules:
          - name: morning
            crn: "0 9 * * *"
        """)).containsExactly(file() + ": schedules[0].crn: unknown field (expected one of: cron, escalate, kinds,"
        + " name) (line 3)");
  }

  @Test
  @DisplayName("a wrong value type names the field")
  void wrongType() throws IOException {
    assertThat(errors("""
        letters:
          limitWorkingDays: twenty
        """)).singleElement().asString()
        .startsWith(file() + ": letters.limitWorkingDays: expected a whole number");
  }

  @Test
  @DisplayName("a YAML syntax error names the file, the line of the problem and what the parser found")
  void syntaxError() throws IOException {
    assertThat(errors("schedules: [\n  - name: a\n")).containsExactly(file() + ": YAML syntax error (line 2):"
        + " while parsing a flow node: expected the node content, but found '-'");
  }

  @Test
  @DisplayName("every bad value is reported at once, each as file: field.path: message")
  void allErrorsTogether() throws IOException {
    assertThat(errors("""
        zone: Asia/Shanghia
        quietHours: {from: "22:00", to: "25:00"}
        schedules:
          - name: morning
            cron: "0 25 * * 1-5"
            kinds: [letters, mail]
          - name: morning
            cron: "0 9 * * *"
            kinds: everything
          - cron: "0 9 * * *"
        dueSoonWorkingDays:
          letters: 3
          parcels: 2
          tasks: -1
        columns:
          动态/要闻类: 14 days
          动态类: P7D
        accounts: {stale: P0D}
        letters: {limitWorkingDays: 20, extensionWorkingDays: 20, remindAt: [5, 5, 41]}
        findings: {deadlineWorkingDays: 0}
        openDays: {planWindowWorkingDays: 61}
        escalation: {afterWorkingDays: -2}
        """)).containsExactly(
        file() + ": zone: unknown time zone \"Asia/Shanghia\" (use a region such as Asia/Shanghai)",
        file() + ": quietHours.to: not a valid time of day: 25:00",
        file() + ": schedules[0].cron: hour field \"25\": 25 is out of range 0-23",
        file() + ": schedules[0].kinds[1]: unknown kind \"mail\"; use one of columns, accounts, tasks, opendays,"
            + " policies, letters, findings",
        file() + ": schedules[1].name: a second schedule named morning",
        file() + ": schedules[1].kinds: use all, or a list of kinds such as [letters, findings] (kinds: columns,"
            + " accounts, tasks, opendays, policies, letters, findings)",
        file() + ": schedules[2].name: required",
        file() + ": dueSoonWorkingDays.letters: letters are reminded on the days in letters.remindAt, not by a window",
        file() + ": dueSoonWorkingDays.parcels: unknown kind; use default or one of columns, accounts, tasks,"
            + " opendays, findings",
        file() + ": dueSoonWorkingDays.tasks: working days must be 0 to 60: -1",
        file() + ": columns.动态/要闻类: not a positive ISO-8601 period such as P14D, P6M or P1Y: 14 days",
        file() + ": columns.动态类: \"动态\" also names column class 动态/要闻类",
        file() + ": accounts.stale: not a positive ISO-8601 period such as P14D, P6M or P1Y: P0D",
        file() + ": letters.remindAt[1]: listed twice: 5",
        file() + ": letters.remindAt[2]: working days left must be 0 to 40: 41",
        file() + ": findings.deadlineWorkingDays: working days must be 1 to 60: 0",
        file() + ": openDays.planWindowWorkingDays: working days must be 0 to 60: 61",
        file() + ": escalation.afterWorkingDays: working days must be 0 to 60: -2");
  }

  @Test
  @DisplayName("a schedule whose every run falls inside the quiet hours is an error, not a silent no-op")
  void scheduleInsideQuietHours() throws IOException {
    assertThat(errors("""
        quietHours: {from: "22:00", to: "07:30"}
        schedules:
          - {name: night, cron: "0 23 * * *"}
          - {name: day, cron: "0 7,9 * * *"}
          - {name: often, cron: "*/5 * * * *"}
        """)).containsExactly(file() + ": schedules[0].cron: every run falls inside quietHours, so nothing would be"
        + " sent");
  }

  @Test
  @DisplayName("policies have no due-soon window")
  void policiesHaveNoWindow() throws IOException {
    assertThat(errors("dueSoonWorkingDays: {policies: 2}\n")).containsExactly(file()
        + ": dueSoonWorkingDays.policies: policies are due on their publication date and have no window");
  }

  @Test
  @DisplayName("a UTF-8 BOM is ignored; a file that is not UTF-8 is an error naming the file")
  void encoding() throws IOException {
    Files.write(dir.resolve("reminders.yaml"),
        "\uFEFFescalation: {afterWorkingDays: 4}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(ReminderRules.load(dir).escalationWorkingDays()).isEqualTo(4);
    Files.write(dir.resolve("reminders.yaml"), "columns: {动态: P7D}\n".getBytes(Charset.forName("GBK")));
    assertThat(catchThrowableOfType(ConfigException.class, () -> ReminderRules.load(dir)).errors())
        .containsExactly(file() + ": not UTF-8 text; save the file with UTF-8 encoding");
  }

  @Test
  @DisplayName("an empty file means the defaults")
  void emptyFile() throws IOException {
    write("# nothing yet\n");
    assertThat(ReminderRules.load(dir)).isEqualTo(ReminderRules.defaults());
  }
}
