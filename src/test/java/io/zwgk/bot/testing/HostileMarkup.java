package io.zwgk.bot.testing;

import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.command.Replies;
import io.zwgk.bot.stats.Resolution;
import io.zwgk.bot.remind.DigestBuilder;
import io.zwgk.bot.remind.DueEvaluator;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.WorkCalendar;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Messages the robot builds around text a hostile user or import supplied (an echoed command argument, a unit name, a
 * 整改 note in the office digest), for the per-platform checks that such text never becomes a link, an image, a
 * mention or HTML.
 */
public final class HostileMarkup {
  /** What the tester typed: a markdown link, an image, WeCom/Feishu/DingTalk mentions, HTML and a bare address. */
  public static final String TEXT = "[点我](http://e.vil/x) ![i](http://e.vil/i.png) <@zhangsan> "
      + "<at user_id=\"all\"></at> @13800000000 <a href=\"http://e.vil\">官网</a> www.e.vil\n# 标题";

  private HostileMarkup() {
  }

  /** One message per place where user text enters a reply or a digest. */
  public static List<OutboundMessage> messages() {
    LocalDate today = LocalDate.of(2024, 5, 13);
    TrackedItem.Finding finding = new TrackedItem.Finding("21", TEXT, "隐私泄露", TEXT, LocalDate.of(2024, 5, 6),
        LocalDate.of(2024, 5, 20), TrackedItem.FindingState.SUBMITTED, Optional.of(TEXT));
    WorkCalendar calendar = WorkCalendar.load(Path.of("bot-config/holidays-cn.csv"));
    String digestLine = new DueEvaluator(ReminderRules.defaults(), calendar).evaluate(finding, today)
        .map(d -> DigestBuilder.line(d, true, today)).orElseThrow();
    return List.of(
        OutboundMessage.of("帮助", Replies.shortHelp(TEXT)),
        OutboundMessage.of("完成率", Replies.notFound(new Resolution.NotFound(TEXT, List.of(TEXT)))),
        OutboundMessage.of("政务公开督办", digestLine));
  }
}
