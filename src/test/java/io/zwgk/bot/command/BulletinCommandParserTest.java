package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.stats.Periods;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BulletinCommandParserTest {
  private static final Optional<YearMonth> APRIL = Optional.of(YearMonth.of(2024, 4));

  @Test
  @DisplayName("预览, 发布 and 列表 take an optional month in the usual spellings")
  void periods() {
    assertThat(CommandParser.parse("@政务公开助手 月报 预览")).isEqualTo(new Command.BulletinPreview(Optional.empty()));
    assertThat(CommandParser.parse("月报 预览 2024-04")).isEqualTo(new Command.BulletinPreview(APRIL));
    assertThat(CommandParser.parse("月报发布 2024年4月")).isEqualTo(new Command.BulletinPublish(APRIL));
    assertThat(CommandParser.parse("月报 发布 ２０２４/4")).isEqualTo(new Command.BulletinPublish(APRIL));
    assertThat(CommandParser.parse("月报 列表 2024.04")).isEqualTo(new Command.BulletinList(APRIL));
    assertThat(CommandParser.parse("月报 列表")).isEqualTo(new Command.BulletinList(Optional.empty()));
  }

  @Test
  @DisplayName("添加 takes a 栏目 (plain, bracketed or before a colon) and the rest of the text")
  void add() {
    assertThat(CommandParser.parse("月报 添加 工作动态 4月9日，县政务公开办组织考察学习"))
        .isEqualTo(new Command.BulletinAdd("工作动态", "4月9日,县政务公开办组织考察学习"));
    assertThat(CommandParser.parse("月报 添加【存在问题】栏目更新不及时。县卫健委工作动态逾期"))
        .isEqualTo(new Command.BulletinAdd("存在问题", "栏目更新不及时。县卫健委工作动态逾期"));
    assertThat(CommandParser.parse("月报 添加 “十县百乡”建设情况：正平镇健全制度"))
        .isEqualTo(new Command.BulletinAdd("“十县百乡”建设情况", "正平镇健全制度"));
  }

  @Test
  @DisplayName("添加 and 数量 take a month before their arguments; a month out of range is a usage reply, a date-like "
      + "栏目 is no month")
  void addAndCountInAMonth() {
    assertThat(CommandParser.parse("月报 添加 2024-04 工作动态 4月9日组织考察学习"))
        .isEqualTo(new Command.BulletinAdd(APRIL, "工作动态", "4月9日组织考察学习"));
    assertThat(CommandParser.parse("月报 添加 2024年4月【存在问题】栏目更新不及时"))
        .isEqualTo(new Command.BulletinAdd(APRIL, "存在问题", "栏目更新不及时"));
    assertThat(CommandParser.parse("月报 数量 2024/4 网络问政 7")).isEqualTo(new Command.BulletinCount(APRIL, "网络问政", 7));
    assertThat(CommandParser.parse("月报 数量 2024-13 网络问政 7")).isInstanceOf(Command.BulletinUsage.class);
    assertThat(CommandParser.parse("月报 添加 2024年4月9日 县政务公开办组织考察学习"))
        .isEqualTo(new Command.BulletinAdd("2024年4月9日", "县政务公开办组织考察学习"));
  }

  @Test
  @DisplayName("删除 takes a number; 数量 takes a name and a number")
  void removeAndCount() {
    assertThat(CommandParser.parse("月报 删除 12")).isEqualTo(new Command.BulletinRemove("12"));
    assertThat(CommandParser.parse("月报 删除 #007")).isEqualTo(new Command.BulletinRemove("7"));
    assertThat(CommandParser.parse("月报 数量 网络问政 7")).isEqualTo(new Command.BulletinCount("网络问政", 7));
    assertThat(CommandParser.parse("月报 数量 依申请公开：4件")).isEqualTo(new Command.BulletinCount("依申请公开", 4));
  }

  @Test
  @DisplayName("a month must have a year from 2000 to 2100, as everywhere else; out of range is answered with the month rule")
  void monthRange() {
    assertThat(CommandParser.parse("月报 预览 2024年4月"))
        .isEqualTo(new Command.BulletinPreview(Optional.of(YearMonth.of(2024, 4))));
    assertThat(CommandParser.parse("月报 列表 2100/12"))
        .isEqualTo(new Command.BulletinList(Optional.of(YearMonth.of(2100, 12))));
    assertThat(CommandParser.parse("月报 预览 1999-04")).isEqualTo(new Command.BulletinUsage("预览 1999-04"));
    assertThat(CommandParser.parse("月报 发布 9999年4月")).isEqualTo(new Command.BulletinUsage("发布 9999年4月"));
    assertThat(CommandParser.parse("月报 列表 2101/1")).isEqualTo(new Command.BulletinUsage("列表 2101/1"));
    assertThat(BulletinReplies.usage(new Command.BulletinUsage("预览 1999-04"))).contains(Periods.MESSAGE);
    assertThat(BulletinReplies.usage(new Command.BulletinUsage("排名"))).doesNotContain(Periods.MESSAGE);
  }

  @Test
  @DisplayName("anything unreadable after 月报 is answered with the 月报 usage, never another command")
  void usage() {
    assertThat(CommandParser.parse("月报")).isEqualTo(new Command.BulletinUsage(""));
    assertThat(CommandParser.parse("月报 添加 工作动态")).isEqualTo(new Command.BulletinUsage("添加 工作动态"));
    assertThat(CommandParser.parse("月报 删除 十二")).isEqualTo(new Command.BulletinUsage("删除 十二"));
    assertThat(CommandParser.parse("月报 预览 2024-13")).isEqualTo(new Command.BulletinUsage("预览 2024-13"));
    assertThat(CommandParser.parse("月报 发布 明天")).isEqualTo(new Command.BulletinUsage("发布 明天"));
    assertThat(CommandParser.parse("月报 添加 工作动态 县水利局完成率")).isInstanceOf(Command.BulletinAdd.class);
    assertThat(CommandParser.parse("月报 排名")).isEqualTo(new Command.BulletinUsage("排名"));
  }
}
