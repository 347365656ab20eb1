package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.bulletin.Bulletin;
import io.zwgk.bot.bulletin.BulletinPublishedException;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.bulletin.NarrativeItem;
import io.zwgk.bot.bulletin.PreviewResult;
import io.zwgk.bot.bulletin.Publication;
import io.zwgk.bot.bulletin.PublishResult;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BulletinRepliesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final YearMonth APRIL = YearMonth.of(2024, 4);
  private static final Publication BY_LI = new Publication(Instant.parse("2024-05-06T01:30:00Z"), "dingtalk",
      "manager1234", "李四", LocalDate.of(2024, 5, 6));

  private static Bulletin draft(List<String> missing) {
    return new Bulletin(APRIL, "2024年4月政务公开月报", "", Bulletin.Status.DRAFT, LocalDate.of(2024, 5, 6),
        LocalDate.of(2024, 5, 11), List.of(), List.of(), missing, List.of(), Optional.empty());
  }

  @Test
  @DisplayName("someone who is not office staff gets a polite refusal that says who may and whom to ask")
  void refusal() {
    assertThat(Replies.officeOnly()).startsWith("抱歉").contains("仅限县政务公开办工作人员", "请联系县政务公开办");
  }

  @Test
  @DisplayName("a second 发布 says when and by whom it was published, and that nothing was sent again")
  void alreadyPublished() {
    PublishResult r = new PublishResult(PublishResult.Outcome.ALREADY_PUBLISHED,
        draft(List.of()).published(BY_LI), 0, 0);

    assertThat(BulletinReplies.published(r, SHANGHAI))
        .isEqualTo("2024年4月政务公开月报已于2024年5月6日 09:30 由李四发布，本次未重复发送。");
  }

  @Test
  @DisplayName("发布 reports groups, issue date, findings and their deadline; an incomplete draft says what is missing")
  void publishedAndIncomplete() {
    Bulletin published = draft(List.of()).published(BY_LI);
    assertThat(BulletinReplies.published(new PublishResult(PublishResult.Outcome.PUBLISHED,
        published, 3, 12), SHANGHAI)).isEqualTo("**2024年4月政务公开月报**已发布到 3 个工作群，印发日期 2024年5月6日。\n"
            + "新增整改事项 12 条，整改期限 2024年5月11日。");
    assertThat(BulletinReplies.published(new PublishResult(PublishResult.Outcome.INCOMPLETE,
        draft(List.of("缺少：统计数据未导入")), 0, 0), SHANGHAI))
        .isEqualTo("2024年4月月报还不能发布：\n缺少：统计数据未导入\n补齐后再发送「月报 发布 2024-04」。");
  }

  @Test
  @DisplayName("预览 says where the draft went, what it lacks and how to publish")
  void previewed() {
    String text = BulletinReplies.previewed(new PreviewResult(draft(List.of("缺少：网络问政信件数未录入")),
        List.of(), 1));

    assertThat(text).isEqualTo("已把2024年4月月报草稿发到政务公开办群(1 个)。\n缺少：网络问政信件数未录入\n签发日期 2024年5月6日。\n"
        + "发布后不会新增整改事项。\n确认无误后发送「月报 发布 2024-04」。");
    assertThat(BulletinReplies.previewed(new PreviewResult(draft(List.of()).numbered(4), List.of(), 1)))
        .contains("将印为第4期，签发日期 2024年5月6日。");
  }

  @Test
  @DisplayName("添加, 列表 and 删除 show the 编号 staff need; a change to a published month is refused")
  void items() {
    NarrativeItem item = new NarrativeItem("12", "工作动态", "4月9日,县政务公开办组织大阿镇、正平镇一行7人前往大余、定南考察学习基层政务公开标准化"
        + "规范化建设工作先进经验做法。", "李四", Instant.parse("2024-05-06T01:00:00Z"));

    assertThat(BulletinReplies.added(APRIL, item)).startsWith("已添加到2024年4月月报[工作动态]，编号 12。");
    assertThat(BulletinReplies.listed(APRIL, List.of(item))).isEqualTo("**2024年4月月报补充内容**(1 条)\n12 [工作动态] "
        + "4月9日,县政务公开办组织大阿镇、正平镇一行7人前往大余、定南考察学习基层政务公…\n删除发送「月报 删除 编号」。");
    assertThat(BulletinReplies.removed("13", Optional.empty())).isEqualTo("没有编号为 13 的月报内容。发送「月报 列表」查看编号。");
    assertThat(BulletinReplies.locked(new BulletinPublishedException(APRIL, BY_LI), SHANGHAI))
        .isEqualTo("2024年4月月报已于2024年5月6日 09:30 由李四发布，不能再修改。");
  }
}
