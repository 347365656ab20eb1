package io.zwgk.bot.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.UnitStats;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.TestApp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(RedisServerExtension.class)
class CommandServiceIT {
  private TestApp app;
  private CommandService commands;

  @BeforeEach
  void start() {
    app = TestApp.start(Map.of());
    commands = app.app.services().commands();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private String ask(String user, String text) {
    return commands.handle(new CommandRequest("dingtalk", user, "张三", text)).await().text();
  }

  @Test
  @DisplayName("绑定 stores the unit per platform user, so 我的完成率 answers for it; 解绑 forgets it")
  void bindThenMine() {
    assertThat(ask("u1", "我的完成率")).contains("绑定");
    assertThat(ask("u1", "绑定 大阿镇")).contains("大阿镇政府");

    assertThat(ask("u1", "我的完成率")).contains("**大阿镇政府**", "76.07%", "乡镇第 15/16 名");
    assertThat(ask("u2", "我的完成率")).contains("绑定");
    assertThat(commands.handle(new CommandRequest("wecom", "u1", "", "我的完成率")).await().text())
        .contains("绑定");

    ask("u1", "解绑");
    assertThat(ask("u1", "我的完成率")).contains("绑定");
  }

  @Test
  @DisplayName("replies kept from a month's figures go with them: right after an import the answers are the new ones")
  void answersFollowAnImport() {
    assertThat(ask("u1", "完成率 大阿镇")).contains("76.07%", "乡镇第 15/16 名");
    String before = ask("u1", "排名 乡镇");

    app.app.services().stats().save(YearMonth.of(2024, 4),
        List.of(new UnitStats("大阿镇政府", Category.TOWNSHIP, 560, 560, 84))).await();

    assertThat(ask("u1", "完成率 大阿镇")).contains("100.00%").doesNotContain("76.07%");
    assertThat(ask("u1", "排名 乡镇")).isNotEqualTo(before).contains("大阿镇政府");
  }

  @Test
  @DisplayName("a unit only known from an imported table resolves too, and unknown names get suggestions")
  void resolution() {
    assertThat(ask("u1", "完成率 水力局")).contains("县水利局");
    assertThat(ask("u1", "完成率 高新区")).contains("14.46%");
  }

  @Test
  @DisplayName("a month in Redis that does not read (junk, +10000-01) is skipped: 完成率 still answers from the latest good month")
  void unreadableStoredMonthSkipped() {
    TestRedis.zadd("zwgk:periods", 999_999, "junk");
    TestRedis.zadd("zwgk:periods", 1_000_001, "+10000-01");
    TestRedis.hset("zwgk:stats:+10000-01", "大阿镇政府",
        "{\"category\":\"乡镇\",\"task\":1,\"total\":1,\"month\":1}");

    assertThat(ask("u1", "完成率 大阿镇")).contains("76.07%", "乡镇第 15/16 名");
    assertThat(ask("u1", "排名 乡镇")).contains("大阿镇政府").doesNotContain("暂不可用");
  }

  @Test
  @DisplayName("问题 lists a monitor-created finding, which has no deadline, as 无截止日期")
  void findingWithoutDeadline() {
    app.app.services().tracked().upsert(TrackedKind.FINDINGS, List.of(new TrackedItem.Finding("", "大阿镇政府",
        "隐私信息", "页面含身份证号", LocalDate.of(2024, 5, 6), null, TrackedItem.FindingState.OPEN,
        Optional.empty()))).await();
    ask("u1", "绑定 大阿镇");

    assertThat(ask("u1", "问题")).contains("页面含身份证号", "无截止日期", "待整改")
        .doesNotContain(CommandService.UNAVAILABLE);
  }

  @Test
  @DisplayName("a failure that is not Redis being down answers 处理出错 with an error id that its log line carries")
  void dataProblemGetsAnErrorId() {
    Logger logger = (Logger) LoggerFactory.getLogger(CommandService.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      TestRedis.hset("zwgk:stats:2024-04", "大阿镇政府", "{\"category\":\"no such category\"}");
      app.app.services().stats().save(YearMonth.of(2024, 3),
          List.of(new UnitStats("大阿镇政府", Category.TOWNSHIP, 1, 1, 1))).await(); // drops the cached copies

      String answer = ask("u1", "排名 乡镇");

      assertThat(answer).startsWith("处理出错，已记录（编号 ").doesNotContain(CommandService.UNAVAILABLE);
      String id = answer.replaceAll("^处理出错，已记录（编号 ([0-9a-f]{8})）.*$", "$1");
      assertThat(id).hasSize(8);
      assertThat(logs.list).anySatisfy(e -> {
        assertThat(e.getLevel()).isEqualTo(Level.ERROR);
        assertThat(e.getFormattedMessage()).contains(id);
        assertThat(e.getThrowableProxy()).isNotNull();
      });
    } finally {
      logger.detachAppender(logs);
    }
  }

  @Test
  @DisplayName("while Redis is down every command still gets the plain 'unavailable' answer, and answers return after")
  void redisDown() {
    RedisServerExtension.stop();
    try {
      assertThat(ask("u1", "完成率 水利局")).isEqualTo(CommandService.UNAVAILABLE);
      assertThat(ask("u1", "帮助")).contains("完成率");
    } finally {
      RedisServerExtension.restart();
    }
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> !ask("u1", "排名 乡镇").equals(CommandService.UNAVAILABLE));
  }

  @Test
  @DisplayName("a question about a past month answers that month's figures; a month without figures lists those there are")
  void pastMonth() {
    app.app.services().stats().save(YearMonth.of(2024, 3),
        List.of(new UnitStats("县水利局", Category.COUNTY_DEPT, 450, 67, 30))).await();

    assertThat(ask("u1", "完成率 水利局 3月")).contains("2024年3月", "累计 67/450 条");
    assertThat(ask("u1", "完成率 水利局 2024-03")).contains("2024年3月", "累计 67/450 条");
    assertThat(ask("u1", "完成率 水利局")).contains("2024年4月", "累计 86/450 条");
    assertThat(ask("u1", "末五位 2024年3月")).contains("县水利局");
    assertThat(ask("u1", "排名 乡镇 上月")).isEqualTo("没有上月（" + lastMonth() + "）的统计数据。已有数据的月份："
        + "2024年4月、2024年3月。例如「完成率 水利局 4月」。");
    assertThat(ask("u1", "完成率 水利局 2023-12")).startsWith("没有2023年12月的统计数据。已有数据的月份：2024年4月、2024年3月");
  }

  private static String lastMonth() {
    YearMonth m = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
    return m.getYear() + "年" + m.getMonthValue() + "月";
  }
}
