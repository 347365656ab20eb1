package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.remind.TrackedItem.Account;
import io.zwgk.bot.remind.TrackedItem.Column;
import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.remind.TrackedItem.Letter;
import io.zwgk.bot.remind.TrackedItem.OpenDay;
import io.zwgk.bot.remind.TrackedItem.Policy;
import io.zwgk.bot.remind.TrackedItem.Task;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DueEvaluatorTest {
  private final TestWorkingDays days = new TestWorkingDays();
  private final DueEvaluator evaluator = new DueEvaluator(ReminderRules.defaults(), days);

  private static LocalDate d(int month, int day) {
    return LocalDate.of(2024, month, day);
  }

  private Optional<Due> on(TrackedItem item, int month, int day) {
    return evaluator.evaluate(item, d(month, day));
  }

  /** Working day → working days left, for every working day in the range on which the item is listed. */
  private Map<LocalDate, Integer> listedDays(TrackedItem item, LocalDate from, LocalDate to) {
    Map<LocalDate, Integer> listed = new LinkedHashMap<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      Optional<Due> due = evaluator.evaluate(item, day);
      if (days.isWorkingDay(day) && due.isPresent()) {
        listed.put(day, due.get().workingDaysLeft());
      }
    }
    return listed;
  }

  @Nested
  class Letters {
    private final Letter letter = new Letter("7", "县民政局", "XF-2024-03", d(4, 1), false, false);

    @Test
    @DisplayName("a letter received 2024-04-01 is due 2024-04-29 (清明 off, 4月7日 and 4月28日 make-up days count)"
        + " and is listed only with 5, 2 and 0 working days left, then on every working day once overdue")
    void reminderPoints() {
      assertThat(listedDays(letter, d(4, 1), d(5, 8))).containsExactly(
          Map.entry(d(4, 23), 5), Map.entry(d(4, 26), 2), Map.entry(d(4, 29), 0),
          Map.entry(d(4, 30), -1), Map.entry(d(5, 6), -2), Map.entry(d(5, 7), -3), Map.entry(d(5, 8), -4));
      assertThat(on(letter, 4, 23)).contains(new Due(letter, DueState.DUE_SOON, d(4, 29), 5,
          "依申请公开「XF-2024-03」未答复，4月1日收到，限 20 个工作日"));
      assertThat(on(letter, 4, 29).map(Due::state)).contains(DueState.DUE_TODAY);
      assertThat(on(letter, 4, 30).map(Due::state)).contains(DueState.OVERDUE);
    }

    @Test
    @DisplayName("an extended letter gets 20 more working days: due 2024-05-29, the 5-2-0 points move with it")
    void extension() {
      Letter extended = new Letter("7", "县民政局", "XF-2024-03", d(4, 1), true, false);
      assertThat(listedDays(extended, d(4, 1), d(5, 31))).containsExactly(
          Map.entry(d(5, 22), 5), Map.entry(d(5, 27), 2), Map.entry(d(5, 29), 0),
          Map.entry(d(5, 30), -1), Map.entry(d(5, 31), -2));
      assertThat(on(extended, 5, 22).map(Due::what)).contains(
          "依申请公开「XF-2024-03」未答复，4月1日收到，已延期，限 40 个工作日");
    }

    @Test
    @DisplayName("an answered letter is never listed")
    void answered() {
      assertThat(on(new Letter("7", "县民政局", "X", d(4, 1), false, true), 5, 8)).isEmpty();
    }
  }

  @Nested
  class Columns {
    private final Column news = new Column("3", "县水利局", "工作动态", "http://x", "动态/要闻类", d(4, 29));

    @Test
    @DisplayName("a 动态 column updated 4月29日 is due 5月13日: silent while more than 3 working days remain,"
        + " due soon, due today, then overdue")
    void staleness() {
      assertThat(on(news, 5, 8)).isEmpty();
      assertThat(on(news, 5, 9)).contains(new Due(news, DueState.DUE_SOON, d(5, 13), 3,
          "工作动态 已 10 天未更新（期限 14 天）"));
      assertThat(on(news, 5, 13)).contains(new Due(news, DueState.DUE_TODAY, d(5, 13), 0,
          "工作动态 已 14 天未更新（期限 14 天）"));
      assertThat(on(news, 5, 16)).contains(new Due(news, DueState.OVERDUE, d(5, 13), -3,
          "工作动态 已 17 天未更新（期限 14 天）"));
    }

    @Test
    @DisplayName("通知公告 columns get 6 calendar months and 人事 columns a year; an unknown class is not judged")
    void classes() {
      Column notices = new Column("4", "县水利局", "通知公告", "u", "通知公告", LocalDate.of(2023, 11, 15));
      assertThat(on(notices, 5, 15)).contains(new Due(notices, DueState.DUE_TODAY, d(5, 15), 0,
          "通知公告 已 182 天未更新（期限 6 个月）"));
      Column staff = new Column("5", "县水利局", "人事信息", "u", "人事/规划计划类", LocalDate.of(2023, 5, 20));
      assertThat(on(staff, 5, 21).map(Due::state)).contains(DueState.OVERDUE);
      assertThat(on(staff, 5, 21).map(Due::what)).contains("人事信息 已 367 天未更新（期限 1 年）");
      assertThat(on(new Column("6", "县水利局", "专题", "u", "专题类", LocalDate.of(2020, 1, 1)), 5, 21)).isEmpty();
    }
  }

  @Nested
  class Accounts {
    @Test
    @DisplayName("an account is due 14 days after its last post: due soon while 3 or fewer working days remain (the"
        + " May Day holiday shortens the run-up), then overdue by the working days since")
    void stale() {
      Account account = new Account("9", "县生态环境局", "信丰生态环境", d(4, 22), false, false);
      assertThat(on(account, 5, 8)).contains(new Due(account, DueState.OVERDUE, d(5, 6), -2,
          "政务新媒体「信丰生态环境」已 16 天未更新（期限 14 天）"));
      assertThat(on(account, 4, 26)).isEmpty();
      assertThat(on(account, 4, 29)).contains(new Due(account, DueState.DUE_SOON, d(5, 6), 2,
          "政务新媒体「信丰生态环境」已 7 天未更新（期限 14 天）"));
    }

    @Test
    @DisplayName("an account marked for closing is chased on every run until it is confirmed closed")
    void closing() {
      Account closing = new Account("10", "高新区", "高新发布", d(5, 10), true, false);
      assertThat(on(closing, 5, 13)).contains(new Due(closing, DueState.DUE_TODAY, d(5, 13), 0,
          "政务新媒体「高新发布」待注销，请发送注销截图"));
      assertThat(on(closing, 5, 14).map(Due::deadline)).contains(d(5, 14));
      assertThat(on(new Account("10", "高新区", "高新发布", d(3, 1), true, true), 5, 13)).isEmpty();
    }
  }

  @Nested
  class Tasks {
    private final Task task = new Task("11", "县科技局", "标准目录更新", d(4, 30), false);

    @Test
    @DisplayName("a task is due soon 3 working days before its deadline (a make-up Sunday counts), never once done")
    void deadline() {
      assertThat(on(task, 4, 25)).isEmpty();
      assertThat(on(task, 4, 26)).contains(new Due(task, DueState.DUE_SOON, d(4, 30), 3, "标准目录更新 未完成"));
      assertThat(on(task, 5, 6)).contains(new Due(task, DueState.OVERDUE, d(4, 30), -1, "标准目录更新 未完成"));
      assertThat(on(new Task("11", "县科技局", "标准目录更新", d(4, 30), true), 5, 6)).isEmpty();
    }
  }

  @Nested
  class OpenDays {
    private final OpenDay day = new OpenDay("12", "县民政局", d(5, 20), false, false);

    @Test
    @DisplayName("before the open day the plan is due on the last working day before it, listed from 5 working days"
        + " before; after the day the publicity item is due 5 working days later")
    void planThenPublicity() {
      assertThat(on(day, 5, 10)).isEmpty();
      assertThat(on(day, 5, 11)).contains(new Due(day, DueState.DUE_SOON, d(5, 17), 5,
          "政府开放日（5月20日）活动方案未报送"));
      assertThat(on(day, 5, 17).map(Due::state)).contains(DueState.DUE_TODAY);
      assertThat(on(day, 5, 20)).contains(new Due(day, DueState.OVERDUE, d(5, 17), -1,
          "政府开放日（5月20日）活动方案未报送"));
      assertThat(on(day, 5, 21)).isEmpty();
      assertThat(on(day, 5, 22)).contains(new Due(day, DueState.DUE_SOON, d(5, 27), 3,
          "政府开放日（5月20日）已举办，宣传信息未报送"));
      assertThat(on(day, 5, 28).map(Due::state)).contains(DueState.OVERDUE);
    }

    @Test
    @DisplayName("a submitted plan silences the plan reminders, a publicity item the later ones")
    void submitted() {
      OpenDay planned = new OpenDay("12", "县民政局", d(5, 20), true, false);
      assertThat(on(planned, 5, 17)).isEmpty();
      assertThat(on(planned, 5, 27).map(Due::state)).contains(DueState.DUE_TODAY);
      assertThat(on(new OpenDay("12", "县民政局", d(5, 20), true, true), 5, 28)).isEmpty();
    }
  }

  @Nested
  class Policies {
    private final Policy policy = new Policy("13", "县果业发展服务中心", "《信丰县2024年柑橘黄龙病防控工作方案》", d(4, 3),
        false);

    @Test
    @DisplayName("a policy without interpretation is due on its publication date and overdue after it")
    void missingInterpretation() {
      assertThat(on(policy, 4, 2)).isEmpty();
      assertThat(on(policy, 4, 3)).contains(new Due(policy, DueState.DUE_TODAY, d(4, 3), 0,
          "《信丰县2024年柑橘黄龙病防控工作方案》未同步发布政策解读"));
      assertThat(on(policy, 4, 8)).contains(new Due(policy, DueState.OVERDUE, d(4, 3), -2,
          "《信丰县2024年柑橘黄龙病防控工作方案》未同步发布政策解读"));
      assertThat(on(new Policy("13", "u", "t", d(4, 3), true), 4, 8)).isEmpty();
    }
  }

  @Nested
  class Findings {
    private Finding finding(FindingState state, LocalDate deadline) {
      return new Finding("21", "大阿镇政府", "严重表述错误", "居委会活动记录出现严重表述错误", d(5, 6), deadline, state,
          state == FindingState.SUBMITTED ? Optional.of("已修改并重新发布") : Optional.empty());
    }

    @Test
    @DisplayName("without a deadline a finding issued 5月6日 is due 5 working days later: 5月11日, a make-up Saturday")
    void defaultDeadline() {
      assertThat(evaluator.defaultFindingDeadline(d(5, 6))).isEqualTo(d(5, 11));
      Finding open = finding(FindingState.OPEN, null);
      assertThat(on(open, 5, 7)).isEmpty();
      assertThat(on(open, 5, 8)).contains(new Due(open, DueState.DUE_SOON, d(5, 11), 3,
          "严重表述错误：居委会活动记录出现严重表述错误，待整改"));
      assertThat(on(open, 5, 14)).contains(new Due(open, DueState.OVERDUE, d(5, 11), -2,
          "严重表述错误：居委会活动记录出现严重表述错误，待整改"));
    }

    @Test
    @DisplayName("an explicit deadline wins; a returned finding says so; a closed one is never listed")
    void states() {
      Finding returned = finding(FindingState.RETURNED, d(5, 20));
      assertThat(on(returned, 5, 15)).contains(new Due(returned, DueState.DUE_SOON, d(5, 20), 3,
          "严重表述错误：居委会活动记录出现严重表述错误，复核退回，需重新整改"));
      assertThat(on(finding(FindingState.CLOSED, d(5, 20)), 5, 30)).isEmpty();
    }

    @Test
    @DisplayName("a submitted finding awaits the office's review, whatever its deadline, with the unit's answer")
    void submitted() {
      Finding submitted = finding(FindingState.SUBMITTED, null);
      assertThat(on(submitted, 5, 7)).contains(new Due(submitted, DueState.AWAITING_REVIEW, d(5, 11), 4,
          "严重表述错误：居委会活动记录出现严重表述错误，已报整改，待复核：已修改并重新发布"));
      assertThat(on(submitted, 5, 30).map(Due::state)).contains(DueState.AWAITING_REVIEW);
    }

    @Test
    @DisplayName("long finding texts are cut to 40 characters")
    void longText() {
      Finding f = new Finding("22", "u", "", "字".repeat(60), d(5, 6), d(5, 6), FindingState.OPEN, Optional.empty());
      assertThat(on(f, 5, 7).map(Due::what)).contains("字".repeat(39) + "…，待整改");
    }
  }
}
