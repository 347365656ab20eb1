package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnitMentionsTest {
  private final UnitMentions mentions = new UnitMentions(SeedBulletin.BOT.units(), SeedBulletin.BOT.unitNames());

  @Test
  @DisplayName("the seed's 栏目更新不及时 paragraph names five units, by full and short names, in order of mention")
  void shortNames() {
    assertThat(mentions.in("栏目更新不及时。栏目更新是政府网站工作的基本要求,较多单位未按要求落实,工作依赖县政务公开办工作人员的提示提醒,"
        + "如4月29日县卫健委工作动态出现逾期;小江镇、文广新旅局、县水利局、县市场监督管理局多次被提醒工作动态即将逾期。"))
        .containsExactly("县卫健委", "小江镇政府", "县文广新旅局", "县水利局", "县市场监督管理局");
  }

  @Test
  @DisplayName("aliases of three characters (高新区) and townships' two-character aliases (虎山) are recognised")
  void aliases() {
    assertThat(mentions.in("高新区的公众号未按要求跟进注销")).containsExactly("高新区管委会");
    assertThat(mentions.in("如虎山的工作动态发布金庸小说等与网站内容不符的相关信息,正平镇基层政务公开标准目录引用文件依据为章贡区"))
        .containsExactly("虎山乡政府", "正平镇政府");
  }

  @Test
  @DisplayName("the longest name wins: 县公安局交管大队 is not also 县公安局")
  void longestWins() {
    assertThat(mentions.in("县公安局交管大队的工作动态出现不可用链接")).containsExactly("县公安局交管大队");
  }

  @Test
  @DisplayName("names inside quotation marks are quoted text; county two-character aliases (应急, 交通) are common words")
  void quotedAndCommonWords() {
    assertThat(mentions.in("县乡村振兴局将受理机构写成“信丰县教育体育局办公室”,出现严重表述错误")).containsExactly("县乡村振兴局");
    assertThat(mentions.in("应急预案和交通出行信息更新不及时")).isEmpty();
  }

  @Test
  @DisplayName("another county's place names are dropped from its units' names: 安远县水利局 is named as 水利局")
  void anotherCounty() {
    List<Unit> units = List.of(Unit.of("安远县水利局", Category.COUNTY_DEPT), Unit.of("信丰县林业局", Category.COUNTY_DEPT));
    UnitMentions anyuan = new UnitMentions(units, new UnitNames(List.of("安远县", "赣州市")));

    assertThat(anyuan.in("水利局、林业局的工作动态逾期")).containsExactly("安远县水利局");
    assertThat(new UnitMentions(units, SeedBulletin.BOT.unitNames()).in("水利局、林业局的工作动态逾期"))
        .containsExactly("信丰县林业局");
  }
}
