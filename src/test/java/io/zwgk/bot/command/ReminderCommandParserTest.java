package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReminderCommandParserTest {
  @Test
  @DisplayName("the reminder commands parse with their arguments, full-width input and the mention included")
  void parses() {
    assertThat(CommandParser.parse("@助手 待办")).isEqualTo(new Command.Todo(false));
    assertThat(CommandParser.parse("逾期")).isEqualTo(new Command.Todo(true));
    assertThat(CommandParser.parse("问题")).isEqualTo(new Command.Findings());
    assertThat(CommandParser.parse("整改 １２ 已更换图片")).isEqualTo(new Command.Rectify("12", "已更换图片"));
    assertThat(CommandParser.parse("复核 12 通过")).isEqualTo(new Command.Review("12", true, ""));
    assertThat(CommandParser.parse("复核 12 退回 照片仍不显示")).isEqualTo(new Command.Review("12", false, "照片仍不显示"));
    assertThat(CommandParser.parse("完成 标准目录")).isEqualTo(new Command.Complete("标准目录"));
    assertThat(CommandParser.parse("栏目 已更新 工作动态")).isEqualTo(new Command.ColumnUpdated("工作动态"));
    assertThat(CommandParser.parse("收到")).isEqualTo(new Command.Ack());
    assertThat(CommandParser.parse("注销 已完成 高新区发布")).isEqualTo(new Command.AccountClosed("高新区发布"));
    assertThat(CommandParser.parse("暂停提醒 12 3")).isEqualTo(new Command.Snooze("12", 3));
  }

  @Test
  @DisplayName("完成率 stays the ratio command, not 完成 <任务>")
  void completionRatioNotTask() {
    assertThat(CommandParser.parse("完成率 水利局")).isInstanceOf(Command.Completion.class);
    assertThat(CommandParser.parse("完成情况 水利局")).isInstanceOf(Command.Completion.class);
  }

  @Test
  @DisplayName("missing or bad arguments get the command's format, never silence")
  void usage() {
    assertThat(CommandParser.parse("整改")).isInstanceOf(Command.ReminderUsage.class);
    assertThat(CommandParser.parse("整改 12")).isInstanceOf(Command.ReminderUsage.class);
    assertThat(CommandParser.parse("整改 abc 说明")).isInstanceOf(Command.ReminderUsage.class);
    assertThat(CommandParser.parse("复核 12")).isInstanceOf(Command.ReminderUsage.class);
    assertThat(CommandParser.parse("暂停提醒 12 365")).isInstanceOf(Command.ReminderUsage.class);
    assertThat(CommandParser.parse("完成")).isInstanceOf(Command.ReminderUsage.class);
    assertThat(((Command.ReminderUsage) CommandParser.parse("栏目 已更新")).usage()).contains("栏目 已更新 工作动态");
  }
}
