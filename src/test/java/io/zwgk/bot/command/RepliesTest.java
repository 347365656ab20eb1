package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.Resolution;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitResolver;
import io.zwgk.bot.stats.UnitStats;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RepliesTest {
  private final PeriodStats april = SeedData.april();

  @Test
  @DisplayName("the seed table is copied faithfully: every printed ratio and the bulletin's totals are reproduced")
  void seedIsFaithful() {
    assertThat(SeedData.rows()).hasSize(56)
        .allSatisfy(r -> assertThat(r.stats().ratio()).as(r.stats().unit()).isEqualTo(r.printedRatio()));
    assertThat(april.count(Category.COUNTY_DEPT)).isEqualTo(40);
    assertThat(april.count(Category.TOWNSHIP)).isEqualTo(16);
    assertThat(april.total()).isEqualTo(20160);
    assertThat(april.monthTotal(Category.COUNTY_DEPT)).isEqualTo(2162);
    assertThat(april.monthTotal(Category.TOWNSHIP)).isEqualTo(3652);
  }

  @Test
  @DisplayName("完成率 水利局 gives ratio, April count, rank, the 64-item / 14.22-point lag and 46 items a month")
  void completionBehind() {
    assertThat(Replies.completion(SeedData.stats("县水利局"), april)).isEqualTo("""
        **县水利局** 2024年4月完成率 **19.11%**
        累计 86/450 条，4月发布 19 条
        县直单位第 38/40 名
        时序进度 33.33%（应发 150 条），落后 64 条、14.22 个百分点
        全年还差 364 条，剩余 8 个月每月需发 46 条""");
  }

  @Test
  @DisplayName("a unit ahead of schedule shows how far ahead, and says so once the annual task is met")
  void completionAhead() {
    assertThat(Replies.completion(SeedData.stats("县农业农村局"), april)).isEqualTo("""
        **县农业农村局** 2024年4月完成率 **114.73%**
        累计 631/550 条，4月发布 153 条
        县直单位第 1/40 名
        时序进度 33.33%（应发 184 条），超前 447 条、81.40 个百分点
        已完成全年任务""");
    assertThat(Replies.completion(SeedData.stats("大阿镇政府"), april)).isEqualTo("""
        **大阿镇政府** 2024年4月完成率 **76.07%**
        累计 426/560 条，4月发布 84 条
        乡镇第 15/16 名
        时序进度 33.33%（应发 187 条），超前 239 条、42.74 个百分点
        全年还差 134 条，剩余 8 个月每月需发 17 条""");
  }

  @Test
  @DisplayName("in December the reply says how many items are still missing instead of a monthly need")
  void completionDecember() {
    UnitStats row = new UnitStats("县水利局", Category.COUNTY_DEPT, 450, 400, 30);
    PeriodStats december = new PeriodStats(YearMonth.of(2024, 12), List.of(row));
    assertThat(Replies.completion(row, december)).isEqualTo("""
        **县水利局** 2024年12月完成率 **88.89%**
        累计 400/450 条，12月发布 30 条
        县直单位第 1/1 名
        时序进度 100.00%（应发 450 条），落后 50 条、11.11 个百分点
        全年任务还差 50 条""");
  }

  @Test
  @DisplayName("a unit exactly on the time schedule is told it has reached it")
  void completionOnSchedule() {
    UnitStats row = new UnitStats("县水利局", Category.COUNTY_DEPT, 120, 40, 10);
    PeriodStats p = new PeriodStats(SeedData.APRIL_2024, List.of(row));
    assertThat(Replies.completion(row, p))
        .contains("时序进度 33.33%（应发 40 条），已达到时序进度\n")
        .endsWith("全年还差 80 条，剩余 8 个月每月需发 10 条");
  }

  @Test
  @DisplayName("schedule items round up, so a fraction of an item behind counts as one item behind")
  void progressRounding() {
    Progress behind = new Progress(550, 183, 4);
    assertThat(behind.scheduledItems()).isEqualTo(184);
    assertThat(behind.itemGap()).isEqualTo(-1);
    assertThat(behind.pointGap()).hasToString("-0.06");
    assertThat(new Progress(450, 86, 4).perMonthNeeded()).isEqualTo(46);
    assertThat(new Progress(450, 450, 4).perMonthNeeded()).isZero();
  }

  @Test
  @DisplayName("排名 乡镇 lists the townships in bulletin order, one short line each")
  void rankingTownships() {
    assertThat(Replies.ranking(april, Optional.of(Category.TOWNSHIP))).isEqualTo("""
        **2024年4月乡镇完成率排名**
        1、大桥镇政府 210.71%
        2、大塘埠镇政府 185.71%
        3、小河镇政府 176.96%
        4、西牛镇政府 163.57%
        5、小江镇政府 162.14%
        6、崇仙乡政府 156.43%
        7、万隆乡政府 139.11%
        8、油山镇政府 135.00%
        9、虎山乡政府 123.21%
        10、正平镇政府 105.18%
        11、安西镇政府 102.32%
        12、嘉定镇政府 99.64%
        13、新田镇政府 95.54%
        14、古陂镇政府 95.36%
        15、大阿镇政府 76.07%
        16、铁石口镇政府 64.11%""");
  }

  @Test
  @DisplayName("排名 without a category gives the county list then the township list, each complete")
  void rankingBoth() {
    String reply = Replies.ranking(april, Optional.empty());
    String[] sections = reply.split("\n\n");
    assertThat(sections).hasSize(2);
    assertThat(sections[0].lines().toList()).hasSize(41)
        .startsWith("**2024年4月县直单位完成率排名**", "1、县农业农村局 114.73%")
        .endsWith("38、县水利局 19.11%", "39、县烟草专卖局 15.43%", "40、高新区管委会 14.46%");
    assertThat(sections[1]).isEqualTo(Replies.ranking(april, Optional.of(Category.TOWNSHIP)));
  }

  @Test
  @DisplayName("末五位 lists the five lowest county departments, lowest first")
  void bottomFive() {
    assertThat(Replies.bottomFive(april)).isEqualTo("""
        **2024年4月县直单位末五位**（完成率由低到高）
        1、高新区管委会 14.46%
        2、县烟草专卖局 15.43%
        3、县水利局 19.11%
        4、县市场监督管理局 20.29%
        5、统调队 22.89%""");
  }

  @Test
  @DisplayName("lists say there is no data rather than printing empty lists")
  void emptyPeriod() {
    PeriodStats empty = new PeriodStats(SeedData.APRIL_2024, List.of());
    assertThat(Replies.bottomFive(empty)).endsWith("\n暂无数据");
    assertThat(Replies.ranking(empty, Optional.of(Category.TOWNSHIP))).isEqualTo("**2024年4月乡镇完成率排名**\n暂无数据");
  }

  @Test
  @DisplayName("帮助 names every command with an example; the short help echoes what was not understood")
  void help() {
    assertThat(Replies.help()).contains("完成率 水利局", "我的完成率", "排名 乡镇", "末五位", "概况", "绑定 大阿镇", "解绑", "帮助")
        .doesNotContain("#", "- ");
    assertThat(Replies.shortHelp("")).startsWith("可以试试：").contains("帮助");
    assertThat(Replies.shortHelp("你好")).startsWith("没看懂「你好」。可以试试：");
    assertThat(Replies.shortHelp("**很长很长的一段话**，超过了二十个字的限制还在继续说")).startsWith("没看懂「很长很长的一段话，超过了二十个字的限制还…」。");
  }

  @Test
  @DisplayName("ambiguous and unknown unit names list the candidates or the suggestions")
  void resolutionReplies() {
    UnitResolver resolver = new UnitResolver(SeedData.units(), SeedData.unitNames());
    assertThat(Replies.ambiguous((Resolution.Ambiguous) resolver.resolve("公安")))
        .isEqualTo("「公安」对应多个单位：县公安局交管大队、县公安局\n请写出更完整的单位名称。");
    assertThat(Replies.notFound((Resolution.NotFound) resolver.resolve("水力局")))
        .isEqualTo("没有找到单位「水力局」。您要找的是不是：县水利局？");
    assertThat(Replies.notFound(new Resolution.NotFound("中央电视台", List.of())))
        .startsWith("没有找到单位「中央电视台」。请写单位全称");
  }

  @Test
  @DisplayName("more than ten candidates are cut off with a count")
  void manyCandidates() {
    List<Unit> units = SeedData.units().subList(0, 12);
    String reply = Replies.ambiguous(new Resolution.Ambiguous("县", units));
    assertThat(reply).contains("县应急管理局、县行政审批局等 12 个").doesNotContain("县文广新旅局");
  }

  @Test
  @DisplayName("binding replies name the unit and the month")
  void bindingReplies() {
    Unit unit = SeedData.unitsByName().get("县水利局");
    assertThat(Replies.bound(unit)).isEqualTo("已绑定 **县水利局**。以后发送「完成率」即可查询本单位。");
    assertThat(Replies.unbound(true)).isEqualTo("已解除绑定。");
    assertThat(Replies.unbound(false)).isEqualTo("您还没有绑定单位，无需解绑。");
    assertThat(Replies.needBinding()).contains("绑定 单位");
    assertThat(Replies.unitHasNoRow(unit, YearMonth.of(2024, 5))).isEqualTo("**县水利局** 在2024年5月统计表中没有数据。");
  }
}
