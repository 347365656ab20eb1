package io.zwgk.bot.remind;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The header of each kind's table: which columns it has, which are required, and what its natural key is called in
 * messages. See {@link TrackedImportParser} for the table users read.
 */
final class TrackedLayout {
  static final String UNIT = "单位名称";
  private static final Pattern DECORATION = Pattern.compile("^\\*+|\\*+$|\\([^()]*\\)$");

  /** A header column. */
  record Field(String name, boolean required) {}

  private TrackedLayout() {}

  static List<Field> fields(TrackedKind kind) {
    return switch (kind) {
      case COLUMNS -> List.of(req(UNIT), req("栏目"), req("类别"), opt("网址"), req("最后更新日期"));
      case ACCOUNTS -> List.of(req(UNIT), req("账号"), req("最后发布日期"), opt("是否注销"), opt("已确认注销"));
      case TASKS -> List.of(req("任务"), req(UNIT), opt("截止日期"), opt("是否完成"), opt("完成日期"), opt("布置日期"),
          opt("要求"));
      case OPENDAYS -> List.of(req(UNIT), req("开放日期"), opt("方案已报送"), opt("已发布宣传"));
      case POLICIES -> List.of(req(UNIT), req("文件名称"), req("印发日期"), opt("已发布解读"));
      case LETTERS -> List.of(req(UNIT), req("来信编号"), req("收到日期"), opt("是否延期"), opt("已答复"));
      case FINDINGS -> List.of(req(UNIT), req("类别"), req("问题描述"), req("通报日期"), opt("整改期限"));
    };
  }

  /** What makes two rows the same item, for the duplicate-row message. */
  static String keyDescription(TrackedKind kind) {
    return switch (kind) {
      case COLUMNS -> "单位和栏目";
      case ACCOUNTS -> "单位和账号";
      case TASKS -> "任务和单位";
      case OPENDAYS -> "单位和开放日期";
      case POLICIES -> "单位和文件名称";
      case LETTERS -> "单位和来信编号";
      case FINDINGS -> "单位、类别和问题描述";
    };
  }

  /**
   * The field a normalised header cell names: exact, or with a required-mark asterisk or a trailing remark in
   * parentheses ({@code *单位名称}, {@code 整改期限(选填)}).
   */
  static Optional<Field> field(TrackedKind kind, String header) {
    String bare = DECORATION.matcher(header).replaceAll("");
    return fields(kind).stream().filter(f -> f.name().equals(header) || f.name().equals(bare)).findFirst();
  }

  private static Field req(String name) {
    return new Field(name, true);
  }

  private static Field opt(String name) {
    return new Field(name, false);
  }
}
