package io.zwgk.bot.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammars of the reminder commands with arguments: 整改, 复核, 完成, 栏目 已更新, 注销 已完成, 暂停提醒 (the exact-word
 * ones, 待办 逾期 问题 收到, are {@link CommandTable}'s words). A command word with missing or bad arguments is a
 * {@link Command.ReminderUsage} saying how to write it.
 */
final class ReminderCommandParser {
  static final int MAX_SNOOZE_DAYS = 90;
  private static final Pattern RECTIFY = Pattern.compile("^整改\\s*(\\S*?)(?:\\s+(.*))?$");
  private static final Pattern REVIEW = Pattern.compile("^复核\\s*(\\d+)\\s*(通过|退回)\\s*(.*)$");
  private static final Pattern COMPLETE = Pattern.compile("^完成(?!率|情况|比例)\\s*(.*)$");
  private static final Pattern COLUMN = Pattern.compile("^栏目\\s*(?:已更新|更新了|已经更新)\\s*(.*)$");
  private static final Pattern CLOSED = Pattern.compile("^(?:注销|账号注销|新媒体注销)\\s*(?:已完成|已注销|完成)\\s*(.*)$");
  private static final Pattern SNOOZE = Pattern.compile("^暂停提醒\\s*(\\d+)\\s+(\\d+)\\s*天?$");
  private static final Pattern ID = Pattern.compile("\\d{1,9}");

  private ReminderCommandParser() {
  }

  static Optional<Command> review(String text) {
    Matcher m = REVIEW.matcher(text);
    if (m.matches()) {
      return Optional.of(new Command.Review(m.group(1), "通过".equals(m.group(2)), m.group(3).strip()));
    }
    return text.startsWith("复核") ? usage("复核 编号 通过，或 复核 编号 退回 原因（例：复核 12 退回 照片仍不显示）")
        : Optional.empty();
  }

  static Optional<Command> rectify(String text) {
    Matcher m = RECTIFY.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    boolean valid = ID.matcher(m.group(1)).matches() && m.group(2) != null && !m.group(2).isBlank();
    return valid ? Optional.of(new Command.Rectify(m.group(1), m.group(2).strip()))
        : usage("整改 编号 说明（例：整改 12 已更换不显示的图片）");
  }

  static Optional<Command> snooze(String text) {
    Matcher m = SNOOZE.matcher(text);
    if (m.matches()) {
      int days = Integer.parseInt(m.group(2));
      return days >= 1 && days <= MAX_SNOOZE_DAYS ? Optional.of(new Command.Snooze(m.group(1), days))
          : usage("暂停天数应为 1 到 " + MAX_SNOOZE_DAYS + " 天（例：暂停提醒 12 3）");
    }
    return text.startsWith("暂停提醒") ? usage("暂停提醒 编号 天数（例：暂停提醒 12 3）") : Optional.empty();
  }

  static Optional<Command> columnUpdated(String text) {
    Matcher m = COLUMN.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return m.group(1).isBlank() ? usage("栏目 已更新 栏目名（例：栏目 已更新 工作动态）")
        : Optional.of(new Command.ColumnUpdated(m.group(1).strip()));
  }

  static Optional<Command> accountClosed(String text) {
    Matcher m = CLOSED.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return m.group(1).isBlank() ? usage("注销 已完成 账号名（例：注销 已完成 高新区发布），并在群里发注销截图")
        : Optional.of(new Command.AccountClosed(m.group(1).strip()));
  }

  static Optional<Command> complete(String text) {
    Matcher m = COMPLETE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return m.group(1).isBlank() ? usage("完成 任务名（例：完成 标准目录）")
        : Optional.of(new Command.Complete(m.group(1).strip()));
  }

  private static Optional<Command> usage(String usage) {
    return Optional.of(new Command.ReminderUsage("格式：" + usage));
  }
}
