package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Resolution;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import io.zwgk.bot.stats.UnitResolver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitResolverTest {
  private final UnitResolver resolver = new UnitResolver(SeedData.units(), SeedData.unitNames());

  private String found(String query) {
    Resolution r = resolver.resolve(query);
    assertThat(r).as(query).isInstanceOf(Resolution.Found.class);
    return ((Resolution.Found) r).unit().name();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "县水利局, 县水利局",
      "水利局, 县水利局",
      "信丰县水利局, 县水利局",
      "水利, 县水利局",
      "' 县 水利局 ', 县水利局",
      "大阿镇政府, 大阿镇政府",
      "大阿镇, 大阿镇政府",
      "大阿镇人民政府, 大阿镇政府",
      "大阿, 大阿镇政府",
      "公安局, 县公安局",
      "交管大队, 县公安局交管大队",
      "市场监督管理局, 县市场监督管理局",
      "生态环境局, 赣州市信丰生态环境局",
      "医疗保障局, 赣州市医疗保障局信丰分局",
      "统调队, 统调队",
      "铁石口, 铁石口镇政府",
  })
  @DisplayName("a unit resolves by exact name, without the usual prefix/suffix, and by a unique part of its name")
  void resolves(String query, String unit) {
    assertThat(found(query)).isEqualTo(unit);
  }

  @Test
  @DisplayName("a configured alias resolves to its unit, also in full-width form")
  void alias() {
    List<Unit> units = new ArrayList<>(SeedData.units());
    units.replaceAll(u -> u.name().equals("县文广新旅局")
        ? new Unit(u.name(), u.category(), List.of("文旅局", "ABC"), List.of()) : u);
    UnitResolver withAlias = new UnitResolver(units, SeedData.unitNames());
    assertThat(((Resolution.Found) withAlias.resolve("文旅局")).unit().name()).isEqualTo("县文广新旅局");
    assertThat(((Resolution.Found) withAlias.resolve("ａｂｃ")).unit().name()).isEqualTo("县文广新旅局");
    assertThat(resolver.resolve("文旅局")).isInstanceOf(Resolution.NotFound.class);
  }

  @Test
  @DisplayName("a part shared by two names lists both candidates in configuration order")
  void ambiguousInSeed() {
    assertThat(resolver.resolve("公安")).isEqualTo(new Resolution.Ambiguous("公安",
        List.of(unit("县公安局交管大队"), unit("县公安局"))));
    assertThat(resolver.resolve("大塘")).isInstanceOf(Resolution.Found.class);
  }

  @Test
  @DisplayName("an alias configured for two units is ambiguous")
  void ambiguousAlias() {
    Unit a = new Unit("县城管局", Category.COUNTY_DEPT, List.of("城管"), List.of());
    Unit b = new Unit("县城市社区管委会", Category.COUNTY_DEPT, List.of("城管"), List.of());
    Resolution r = new UnitResolver(List.of(a, b), SeedData.unitNames()).resolve("城管");
    assertThat(r).isEqualTo(new Resolution.Ambiguous("城管", List.of(a, b)));
  }

  @Test
  @DisplayName("a misspelt name is not found and suggests the closest units, ties in configuration order")
  void suggestsClosest() {
    assertThat(resolver.resolve("水力局")).isEqualTo(new Resolution.NotFound("水力局", List.of("县水利局")));
    assertThat(resolver.resolve("大河镇"))
        .isEqualTo(new Resolution.NotFound("大河镇", List.of("大桥镇政府", "小河镇政府", "大阿镇政府")));
  }

  @Test
  @DisplayName("a unit with a short alias far from the query is still suggested by its close full name")
  void suggestsDespiteFarAlias() {
    UnitResolver withAlias =
        new UnitResolver(List.of(new Unit("县水利局", Category.COUNTY_DEPT, List.of("水利"), List.of())),
            SeedData.unitNames());
    assertThat(withAlias.resolve("县水历局")).isEqualTo(new Resolution.NotFound("县水历局", List.of("县水利局")));
  }

  @Test
  @DisplayName("a query containing a unit's name suggests that unit; suggestions never exceed three")
  void suggestsContained() {
    assertThat(resolver.resolve("县水利局办公室")).isEqualTo(new Resolution.NotFound("县水利局办公室", List.of("县水利局")));
    assertThat(resolver.resolve("大X镇")).isEqualTo(new Resolution.NotFound("大X镇", List.of("大桥镇政府", "大阿镇政府")));
    List<Unit> five = List.of("一中心", "二中心", "三中心", "四中心", "五中心").stream()
        .map(n -> Unit.of(n, Category.COUNTY_DEPT)).toList();
    assertThat(new UnitResolver(five, SeedData.unitNames()).resolve("六中心"))
        .isEqualTo(new Resolution.NotFound("六中心", List.of("一中心", "二中心", "三中心")));
  }

  @Test
  @DisplayName("an unrelated or blank query is not found and suggests nothing")
  void nothingClose() {
    assertThat(resolver.resolve("中央电视台")).isEqualTo(new Resolution.NotFound("中央电视台", List.of()));
    assertThat(resolver.resolve("　")).isEqualTo(new Resolution.NotFound("", List.of()));
  }

  @Test
  @DisplayName("a single character is not matched as part of a name")
  void singleCharacter() {
    assertThat(resolver.resolve("局")).isInstanceOf(Resolution.NotFound.class);
  }

  @Test
  @DisplayName("prefixes and suffixes are removed on both sides but 市场 keeps its 市")
  void keys() {
    assertThat(SeedData.unitNames().key("县市场监督管理局")).isEqualTo("市场监督管理局");
    assertThat(SeedData.unitNames().key("赣州市信丰生态环境局")).isEqualTo("信丰生态环境局");
    assertThat(SeedData.unitNames().key("大阿镇人民政府")).isEqualTo("大阿镇");
    assertThat(SeedData.unitNames().key("县")).isEqualTo("县");
    assertThat(UnitNames.distance("水力局", "水利局")).isEqualTo(1);
    assertThat(UnitNames.distance("", "水利局")).isEqualTo(3);
  }

  @Test
  @DisplayName("another county's place names come from its config: 安远县 and 赣州市 are dropped, 信丰县 is not")
  void anotherCounty() {
    Unit anyuan = Unit.of("安远县水利局", Category.COUNTY_DEPT);
    Unit xinfeng = Unit.of("信丰县水利局", Category.COUNTY_DEPT);
    List<Unit> both = List.of(anyuan, xinfeng);

    UnitResolver inAnyuan = new UnitResolver(both, new UnitNames(List.of("安远县", "赣州市")));
    assertThat(inAnyuan.resolve("水利局")).isEqualTo(new Resolution.Found(anyuan));
    assertThat(inAnyuan.resolve("赣州市 水利局")).isEqualTo(new Resolution.Found(anyuan));
    assertThat(new UnitResolver(both, SeedData.unitNames()).resolve("水利局")).isEqualTo(new Resolution.Found(xinfeng));
  }

  private static Unit unit(String name) {
    return SeedData.unitsByName().get(name);
  }
}
