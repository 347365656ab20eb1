package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClauseSplitterTest {
  private final ClauseSplitter splitter = new ClauseSplitter(new UnitMentions(SeedBulletin.BOT.units(), SeedBulletin.BOT.unitNames()),
      SeedBulletin.BOT.units());

  private Map<String, String> split(String body) {
    return splitter.split(body, (lead, unit) -> lead + "(" + unit + ")");
  }

  @Test
  @DisplayName("the seed's 栏目更新不及时: 县卫健委 gets its dated clause, each unit of the list its name and the predicate")
  void seedColumns() {
    assertThat(split("栏目更新是政府网站工作的基本要求,较多单位未按要求落实,工作依赖县政务公开办工作人员的提示提醒,如4月29日县卫健委工作动态出现逾期;"
        + "小江镇、文广新旅局、县水利局、县市场监督管理局多次被提醒工作动态即将逾期。")).containsExactly(
            entry("县卫健委", "4月29日县卫健委工作动态出现逾期"),
            entry("小江镇政府", "小江镇多次被提醒工作动态即将逾期"),
            entry("县文广新旅局", "文广新旅局多次被提醒工作动态即将逾期"),
            entry("县水利局", "县水利局多次被提醒工作动态即将逾期"),
            entry("县市场监督管理局", "县市场监督管理局多次被提醒工作动态即将逾期"));
  }

  @Test
  @DisplayName("the seed's links: dated image clauses, a list over a comma, 等单位 dropped, a unit in two clauses gets both")
  void seedLinks() {
    Map<String, String> own = split("经随机检查发现,3月19日万隆乡的工作动态照片不能显示,3月31日大塘埠镇的工作动态照片不能显示。"
        + "还有大桥镇、县发改委、高新区,油山镇、大塘埠镇、嘉定镇、县住建局、县司法局等单位的工作动态均出现不可用链接问题。");

    assertThat(own).containsEntry("万隆乡政府", "3月19日万隆乡的工作动态照片不能显示")
        .containsEntry("大塘埠镇政府", "3月31日大塘埠镇的工作动态照片不能显示;大塘埠镇的工作动态均出现不可用链接问题")
        .containsEntry("县发改委", "县发改委的工作动态均出现不可用链接问题")
        .containsEntry("高新区管委会", "高新区的工作动态均出现不可用链接问题")
        .containsEntry("县司法局", "县司法局的工作动态均出现不可用链接问题");
    assertThat(own).hasSize(9);
  }

  @Test
  @DisplayName("a unit-less clause after a unit's clause stays with it; a quoted unit name is no unit")
  void trailingClausesAndQuotes() {
    Map<String, String> own = split("工作动态栏目存在随意发布信息现象,如虎山的工作动态发布金庸小说等与网站内容不符的相关信息,"
        + "正平镇基层政务公开标准目录引用文件依据为章贡区,出现逻辑性错误。县乡村振兴局将受理机构写成“信丰县教育体育局办公室”,出现严重表述错误。");

    assertThat(own).containsExactly(
        entry("虎山乡政府", "虎山的工作动态发布金庸小说等与网站内容不符的相关信息"),
        entry("正平镇政府", "正平镇基层政务公开标准目录引用文件依据为章贡区,出现逻辑性错误"),
        entry("县乡村振兴局", "县乡村振兴局将受理机构写成“信丰县教育体育局办公室”,出现严重表述错误"));
  }

  @Test
  @DisplayName("a paragraph about one unit is that unit's whole; units joined otherwise than by a list get lead + name")
  void wholeAndInseparable() {
    assertThat(split("高新区的公众号未按要求跟进注销,导致自动恢复正常,高新区未按要求进行落实。"))
        .containsExactly(entry("高新区管委会", "高新区的公众号未按要求跟进注销,导致自动恢复正常,高新区未按要求进行落实"));
    assertThat(split("部分单位配合不够。县水利局和县林业局的工作动态长期未更新。")).containsExactly(
        entry("县水利局", "部分单位配合不够(县水利局)"), entry("县林业局", "部分单位配合不够(县林业局)"));
  }
}
