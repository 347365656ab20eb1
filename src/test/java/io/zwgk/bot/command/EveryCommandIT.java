package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.testing.TestApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind of {@link Command} has an example that parses to it and is answered by a handler: a command added to the
 * sealed interface without an example here, or without a dispatch branch, fails this test (a forgotten branch used
 * to answer users 「数据服务暂不可用」).
 */
@ExtendWith(RedisServerExtension.class)
class EveryCommandIT {
  private static final Map<Class<?>, String> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put(Command.Completion.class, "完成率 水利局");
    EXAMPLES.put(Command.Ranking.class, "排名 乡镇");
    EXAMPLES.put(Command.BottomFive.class, "末五位");
    EXAMPLES.put(Command.Overview.class, "概况");
    EXAMPLES.put(Command.Bind.class, "绑定 大阿镇");
    EXAMPLES.put(Command.Unbind.class, "解绑");
    EXAMPLES.put(Command.Workdays.class, "工作日 2024-04-30 5");
    EXAMPLES.put(Command.WorkdaysUsage.class, "工作日 明天");
    EXAMPLES.put(Command.Check.class, "检查 水利局");
    EXAMPLES.put(Command.CheckUsage.class, "检查");
    EXAMPLES.put(Command.BulletinPreview.class, "月报 预览 2024-04");
    EXAMPLES.put(Command.BulletinPublish.class, "月报 发布 2024-04");
    EXAMPLES.put(Command.BulletinList.class, "月报 列表 2024-04");
    EXAMPLES.put(Command.BulletinAdd.class, "月报 添加 工作动态 4月9日组织考察学习");
    EXAMPLES.put(Command.BulletinRemove.class, "月报 删除 3");
    EXAMPLES.put(Command.BulletinCount.class, "月报 数量 网络问政 7");
    EXAMPLES.put(Command.BulletinUsage.class, "月报 随便");
    EXAMPLES.put(Command.Help.class, "帮助");
    EXAMPLES.put(Command.Todo.class, "待办");
    EXAMPLES.put(Command.Findings.class, "问题");
    EXAMPLES.put(Command.Rectify.class, "整改 12 已更换图片");
    EXAMPLES.put(Command.Review.class, "复核 12 退回 照片仍不显示");
    EXAMPLES.put(Command.Complete.class, "完成 标准目录");
    EXAMPLES.put(Command.ColumnUpdated.class, "栏目 已更新 工作动态");
    EXAMPLES.put(Command.AccountClosed.class, "注销 已完成 高新区发布");
    EXAMPLES.put(Command.Ack.class, "收到");
    EXAMPLES.put(Command.Snooze.class, "暂停提醒 12 3");
    EXAMPLES.put(Command.ReminderUsage.class, "整改");
    EXAMPLES.put(Command.Unknown.class, "今天天气怎么样");
  }

  private TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(Map.of());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private static List<Class<?>> leaves(Class<?> type) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : type.getPermittedSubclasses()) {
      if (sub.isSealed()) {
        out.addAll(leaves(sub));
      } else {
        out.add(sub);
      }
    }
    return out;
  }

  @Test
  @DisplayName("every kind of command has an example that parses to it and gets a real answer, never an error text")
  void everyCommandParsesAndDispatches() {
    assertThat(EXAMPLES.keySet()).as("an example for every kind of command")
        .containsExactlyInAnyOrderElementsOf(leaves(Command.class));
    CommandService commands = app.app.services().commands();
    EXAMPLES.forEach((type, example) -> {
      assertThat(CommandParser.parse(example)).as(example).isInstanceOf(type);
      String answer = commands.handle(new CommandRequest("dingtalk", "u1", "张三", example)).await().text();
      assertThat(answer).as(example).isNotBlank().doesNotContain("处理出错").doesNotContain(CommandService.UNAVAILABLE);
    });
  }
}
