package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnitNamesTest {
  private static final UnitNames XINFENG = new UnitNames(List.of("信丰县", "赣州市"));
  private static final UnitNames ANYUAN = new UnitNames(List.of("安远县", "赣州市"));

  @Test
  @DisplayName("display folds full-width forms and trims; compact also drops every blank and lower-cases")
  void textForms() {
    assertThat(UnitNames.display("　县水利局ＡＢ ")).isEqualTo("县水利局AB");
    assertThat(UnitNames.compact(" 县 水利\u200B局ＡＢ")).isEqualTo("县水利局ab");
  }

  @Test
  @DisplayName("the key drops the configured county and city, then 县 or 市, and one 政府 or 人民政府")
  void keyDropsConfiguredPlaceNames() {
    assertThat(XINFENG.key("信丰县水利局")).isEqualTo("水利局");
    assertThat(XINFENG.key("赣州市信丰县 水利局")).isEqualTo("水利局");
    assertThat(XINFENG.key("赣州市信丰生态环境局")).isEqualTo("信丰生态环境局");
    assertThat(XINFENG.key("大阿镇人民政府")).isEqualTo("大阿镇");
  }

  @Test
  @DisplayName("another county's place names are dropped instead: 安远县 is, 信丰县 no longer is")
  void anotherCounty() {
    assertThat(ANYUAN.key("安远县水利局")).isEqualTo("水利局");
    assertThat(ANYUAN.key("赣州市安远县水利局")).isEqualTo("水利局");
    assertThat(ANYUAN.key("信丰县水利局")).isEqualTo("信丰县水利局");
    assertThat(UnitNames.NONE.key("信丰县水利局")).isEqualTo("信丰县水利局");
    assertThat(UnitNames.NONE.key("县水利局")).isEqualTo("水利局");
  }

  @Test
  @DisplayName("two characters always remain, and 市场 and 市政 keep their 市")
  void guards() {
    assertThat(XINFENG.key("县")).isEqualTo("县");
    assertThat(XINFENG.key("信丰县局")).isEqualTo("信丰县局");
    assertThat(XINFENG.key("县市场监督管理局")).isEqualTo("市场监督管理局");
    assertThat(XINFENG.key("市政公用局")).isEqualTo("市政公用局");
    assertThat(XINFENG.key("镇政府")).isEqualTo("镇政府");
  }

  @Test
  @DisplayName("bare drops the same prefixes and suffix but leaves the name as written, for searching running text")
  void bare() {
    assertThat(XINFENG.bare("信丰县5G产业园")).isEqualTo("5G产业园");
    assertThat(XINFENG.key("信丰县5G产业园")).isEqualTo("5g产业园");
    assertThat(ANYUAN.bare("安远县水利局")).isEqualTo("水利局");
  }

  @Test
  @DisplayName("a blank place name is refused")
  void blankRefused() {
    assertThatThrownBy(() -> new UnitNames(List.of("信丰县", " "))).isInstanceOf(IllegalArgumentException.class);
  }
}
