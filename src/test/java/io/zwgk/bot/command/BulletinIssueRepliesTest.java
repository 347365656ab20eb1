package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.bulletin.Bulletin;
import io.zwgk.bot.bulletin.BulletinNumberTakenException;
import io.zwgk.bot.bulletin.Correction;
import io.zwgk.bot.bulletin.CorrectionResult;
import io.zwgk.bot.bulletin.IssueDateException;
import io.zwgk.bot.bulletin.Publication;
import io.zwgk.bot.bulletin.PublishResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The replies to 月报 发布 with a number, to refused issue dates, to 期号 and to 更正. */
class BulletinIssueRepliesTest {
  private static final YearMonth APRIL = YearMonth.of(2024, 4);
  private static final Correction FIRST = new Correction(1, "附件1中县水利局已发布总数应为360条。", LocalDate.of(2024, 5, 8),
      Instant.parse("2024-05-08T02:00:00Z"), "dingtalk", "manager1234", "李四");

  @Test
  @DisplayName("发布 names the number it was published as")
  void publishedWithNumber() {
    Bulletin b = new Bulletin(APRIL, "信丰县2024年4月政务公开月报", "", Bulletin.Status.DRAFT, LocalDate.of(2024, 5, 6),
        LocalDate.of(2024, 5, 11), List.of(), List.of(), List.of(), List.of(), Optional.empty()).numbered(4)
        .published(new Publication(Instant.parse("2024-05-06T01:30:00Z"), "dingtalk", "m1", "李四",
            LocalDate.of(2024, 5, 6)));

    assertThat(BulletinReplies.published(new PublishResult(PublishResult.Outcome.PUBLISHED, b, 2, 0),
        ZoneId.of("Asia/Shanghai"))).startsWith("**信丰县2024年4月政务公开月报**(第4期)已发布到 2 个工作群，印发日期 2024年5月6日。");
  }

  @Test
  @DisplayName("a refused issue date says why and which dates are accepted")
  void issueDateRefused() {
    LocalDate end = LocalDate.of(2024, 4, 30);
    LocalDate latest = LocalDate.of(2024, 6, 5);

    assertThat(BulletinReplies.issueDateRefused(new IssueDateException(APRIL, LocalDate.of(2024, 4, 6), end, latest)))
        .isEqualTo("不能用2024年4月6日作为2024年4月月报的签发日期：早于2024年4月月底。签发日期应在2024年4月30日至2024年6月5日之间，"
            + "不写则为今天。");
    assertThat(BulletinReplies.issueDateRefused(new IssueDateException(APRIL, LocalDate.of(2024, 7, 1), end, latest)))
        .contains("离今天太远");
    assertThat(BulletinReplies.noSuchDay(new IssueDay(Optional.empty(), MonthDay.of(2, 29)), YearMonth.of(2025, 1)))
        .startsWith("没有2月29日这一天(2025年1月月报)。");
  }

  @Test
  @DisplayName("期号: set, out of range, or taken by another published month")
  void number() {
    assertThat(BulletinReplies.numberSet(APRIL, 4)).startsWith("2024年4月月报将印为第4期。");
    assertThat(BulletinReplies.badNumber()).startsWith("期号应为1至999");
    assertThat(BulletinReplies.numberTaken(new BulletinNumberTakenException(3, YearMonth.of(2024, 3))))
        .startsWith("第3期已用于2024年3月月报");
  }

  @Test
  @DisplayName("更正: sent with its number, the same text again, or refused for a month not published")
  void corrected() {
    assertThat(BulletinReplies.corrected(new CorrectionResult(CorrectionResult.Outcome.SENT, APRIL,
        Optional.of(FIRST), 2))).startsWith("已向 2 个工作群发出2024年4月月报的更正（一）。");
    assertThat(BulletinReplies.corrected(new CorrectionResult(CorrectionResult.Outcome.REPEATED, APRIL,
        Optional.of(FIRST), 0))).isEqualTo("2024年4月月报已于2024年5月8日发出内容相同的更正（一），本次未重复发送。");
    assertThat(BulletinReplies.corrected(new CorrectionResult(CorrectionResult.Outcome.NOT_PUBLISHED, APRIL,
        Optional.empty(), 0))).startsWith("2024年4月月报还没有发布，不能更正。");
  }
}
