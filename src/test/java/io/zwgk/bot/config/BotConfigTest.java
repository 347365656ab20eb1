package io.zwgk.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Contact;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotConfigTest {
  private static final String TWO_UNITS = """
      units:
        - name: 县水利局
          category: 县直单位
          aliases: [水利]
          contacts:
            - name: 张三
              mobile: "13800000000"
              userIds: {dingtalk: "manager1234", wecom: ZhangSan}
        - name: 大阿镇政府
          category: 乡(镇)
          aliases: [大阿]
          contacts: []
      """;

  @TempDir
  Path dir;

  @Test
  @DisplayName("units and office staff are read into records, in file order")
  void loadsValidConfig() throws IOException {
    write("units.yaml", TWO_UNITS);
    write("office.yaml", """
        staff:
          - {platform: dingtalk, userId: "manager9", name: 李四}
          - {platform: feishu, userId: "ou_abc", name: 王五}
        """);

    BotConfig config = BotConfig.load(dir);

    assertThat(config.units()).containsExactly(
        new Unit("县水利局", Category.COUNTY_DEPT, List.of("水利"),
            List.of(new Contact("张三", "13800000000", Map.of("dingtalk", "manager1234", "wecom", "ZhangSan")))),
        new Unit("大阿镇政府", Category.TOWNSHIP, List.of("大阿"), List.of()));
    assertThat(config.staff()).containsExactly(
        new StaffMember("dingtalk", "manager9", "李四"), new StaffMember("feishu", "ou_abc", "王五"));
    assertThat(config.officeStaff()).containsExactly("manager9", "ou_abc");
    assertThat(config.isOfficeStaff("dingtalk", "manager9")).isTrue();
    assertThat(config.isOfficeStaff("wecom", "manager9")).isFalse();
    assertThat(config.units(Category.TOWNSHIP)).extracting(Unit::name).containsExactly("大阿镇政府");
  }

  @Test
  @DisplayName("office.yaml names the county the bulletin's title names; without it the county is empty")
  void county() throws IOException {
    write("units.yaml", TWO_UNITS);
    write("office.yaml", "county: 信丰县\nstaff: []\n");
    assertThat(BotConfig.load(dir).county()).isEqualTo("信丰县");

    write("office.yaml", "staff: []\n");
    assertThat(BotConfig.load(dir).county()).isEmpty();
  }

  @Test
  @DisplayName("a blank, over-long or spaced county stops start-up, naming office.yaml and the field")
  void badCounty() throws IOException {
    write("units.yaml", TWO_UNITS);
    for (String county : List.of("\" \"", "信 丰 县", "\"{county}\"", "一二三四五六七八九十一二三四五六七八九十一")) {
      write("office.yaml", "county: " + county + "\nstaff: []\n");
      assertThatThrownBy(() -> BotConfig.load(dir)).as(county).isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(dir.resolve("office.yaml") + ": county: ").hasMessageContaining("is not a full place name");
    }
  }

  @Test
  @DisplayName("a missing office.yaml means no office staff")
  void officeFileOptional() throws IOException {
    write("units.yaml", TWO_UNITS);

    assertThat(BotConfig.load(dir).staff()).isEmpty();
  }

  @Test
  @DisplayName("a missing units.yaml is an error, not an empty unit list")
  void unitsFileRequired() {
    assertThatThrownBy(() -> BotConfig.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir.resolve("units.yaml") + ": required file is missing (it lists the units: name, category,"
            + " aliases, contacts)");
  }

  @Test
  @DisplayName("a missing config directory is an error naming the directory")
  void missingDirectory() {
    assertThatThrownBy(() -> BotConfig.load(dir.resolve("nope")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir.resolve("nope") + ": config directory not found");
  }

  @Test
  @DisplayName("errors name the file as configured, e.g. bot-config/units.yaml, for a relative directory")
  void relativeDisplayName() {
    assertThat(YamlFiles.displayName(Path.of("./bot-config"), "units.yaml")).isEqualTo("bot-config/units.yaml");
  }

  @Test
  @DisplayName("an invalid mobile is reported with file and field path, without echoing the number")
  void badMobile() throws IOException {
    write("units.yaml", TWO_UNITS.replace("13800000000", "1380000000"));

    assertThatThrownBy(() -> BotConfig.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir.resolve("units.yaml") + ": units[0].contacts[0].mobile: not an 11-digit mobile number");
  }

  @Test
  @DisplayName("all problems in both files are collected into one exception")
  void collectsAllErrors() throws IOException {
    write("units.yaml", """
        units:
          - name: " "
            category: 县直单位
          - name: 县水利局
            category: 部委
          - name: 县水利局
            category: 县直
          - name: 县林业局
            category: 县直
            aliases: [林业, "", 林业]
            contacts:
              - name: 赵六
              - name: ""
                mobile: "23800000000"
                userIds: {slack: U1}
        """);
    write("office.yaml", """
        staff:
          - {platform: dingding, userId: "m1", name: 甲}
          - {platform: dingtalk, userId: " ", name: 乙}
          - {platform: wecom, userId: "w1", name: 丙}
          - {platform: wecom, userId: "w1", name: 丙}
        """);
    String units = dir.resolve("units.yaml") + ": ";
    String office = dir.resolve("office.yaml") + ": ";

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> BotConfig.load(dir));

    assertThat(e.errors()).containsExactlyInAnyOrder(
        units + "units[0].name: required",
        units + "units[1].category: unknown category \"部委\" (use 县直单位 or 乡镇)",
        units + "units[2].name: duplicate unit name \"县水利局\" (same as units[1])",
        units + "units[3].aliases[1]: blank alias",
        units + "units[3].aliases[2]: duplicate alias \"林业\"",
        units + "units[3].contacts[0]: needs a mobile or at least one userId to be @-mentioned",
        units + "units[3].contacts[1].name: required",
        units + "units[3].contacts[1].mobile: not an 11-digit mobile number",
        units + "units[3].contacts[1].userIds.slack: unknown platform (use dingtalk, wecom or feishu)",
        office + "staff[0].platform: unknown platform (use dingtalk, wecom or feishu)",
        office + "staff[1].userId: required",
        office + "staff[3].userId: duplicate entry for this wecom user");
    assertThat(e.getMessage()).startsWith("12 configuration errors:\n  ");
  }

  @Test
  @DisplayName("an alias may not be another unit's name, with or without 县/政府, nor another unit's alias")
  void aliasCollisions() throws IOException {
    write("units.yaml", """
        units:
          - {name: 县公安局, category: 县直, aliases: [公安]}
          - {name: 县公安局交管大队, category: 县直, aliases: [交管大队, 公安局, 公安]}
          - {name: 大阿镇政府, category: 乡镇, aliases: [大阿镇, 大阿]}
          - {name: 县水利局, category: 县直, aliases: [大阿镇政府]}
        """);
    String units = dir.resolve("units.yaml") + ": ";

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> BotConfig.load(dir));

    assertThat(e.errors()).containsExactly(
        units + "units[1].aliases[1]: \"公安局\" is the name of units[0] \"县公安局\"",
        units + "units[1].aliases[2]: \"公安\" is already an alias of units[0] \"县公安局\"",
        units + "units[3].aliases[0]: \"大阿镇政府\" is the name of units[2] \"大阿镇政府\"");
  }

  @Test
  @DisplayName("office.yaml's county and city are the place names unit names are matched without; none without them")
  void placeNames() throws IOException {
    write("units.yaml", TWO_UNITS);
    assertThat(BotConfig.load(dir).unitNames()).isEqualTo(UnitNames.NONE);

    write("office.yaml", "county: ' 安远县 '\ncity: 赣州市\nstaff: []\n");
    assertThat(BotConfig.load(dir).unitNames()).isEqualTo(new UnitNames(List.of("安远县", "赣州市")));

    write("office.yaml", "county: 安远县\n");
    assertThat(BotConfig.load(dir).unitNames()).isEqualTo(new UnitNames(List.of("安远县")));
  }

  @Test
  @DisplayName("a county or city that is not a full Chinese place name is an error naming office.yaml and the field")
  void badPlaceNames() throws IOException {
    write("units.yaml", TWO_UNITS);
    String office = dir.resolve("office.yaml") + ": ";

    write("office.yaml", "county: 安远\ncity: Ganzhou\n");
    assertThat(catchThrowableOfType(ConfigException.class, () -> BotConfig.load(dir)).errors()).containsExactly(
        office + "county: \"安远\" is not a full place name: Chinese characters only, ending in 县, 区, 市 or 旗"
            + " (e.g. 信丰县)",
        office + "city: \"Ganzhou\" is not a full place name: Chinese characters only, ending in 市, 州, 盟 or 地区"
            + " (e.g. 赣州市)");

    write("office.yaml", "county: 瑞金市\ncity: 瑞金市\n");
    assertThatThrownBy(() -> BotConfig.load(dir)).hasMessage(office + "city: the same as county");
  }

  @Test
  @DisplayName("names are compared without the configured county: an alias 信丰县公安局 is the name 县公安局")
  void aliasCollisionThroughCounty() throws IOException {
    write("office.yaml", "county: 信丰县\ncity: 赣州市\n");
    write("units.yaml", """
        units:
          - {name: 县公安局, category: 县直}
          - {name: 县公安局交管大队, category: 县直, aliases: [信丰县公安局, 赣州市信丰县交管大队]}
        """);
    String units = dir.resolve("units.yaml") + ": ";

    ConfigException e = catchThrowableOfType(ConfigException.class, () -> BotConfig.load(dir));

    assertThat(e.errors()).containsExactly(
        units + "units[1].aliases[0]: \"信丰县公安局\" is the name of units[0] \"县公安局\"");
  }

  @Test
  @DisplayName("a misspelt field is rejected with file, field path, known fields and line")
  void unknownField() throws IOException {
    write("units.yaml", TWO_UNITS.replace("    contacts: []", "    contact: []"));

    assertThatThrownBy(() -> BotConfig.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir.resolve("units.yaml") + ": units[1].contact: unknown field (expected one of: aliases, category,"
            + " contacts, name) (line 12)");
  }

  @Test
  @DisplayName("the line of a misspelt field is its own line, also when a long entry follows it")
  void unknownFieldLine() throws IOException {
    write("units.yaml", TWO_UNITS.replace("    aliases: [水利]", "    aliasses:\n      - 水利"));

    assertThatThrownBy(() -> BotConfig.load(dir))
        .hasMessageStartingWith(dir.resolve("units.yaml") + ": units[0].aliasses: unknown field")
        .hasMessageEndingWith("(line 4)");
  }

  @Test
  @DisplayName("a value of the wrong shape is rejected with its field path and line")
  void wrongShape() throws IOException {
    write("units.yaml", TWO_UNITS.replace("aliases: [大阿]", "aliases: {a: 大阿}"));

    assertThatThrownBy(() -> BotConfig.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessage(dir.resolve("units.yaml") + ": units[1].aliases: expected a list (line 11)");
  }

  @Test
  @DisplayName("a YAML syntax error is reported with file and line")
  void syntaxError() throws IOException {
    write("units.yaml", """
        units:
          - name: 县水利局
            category: 县直单位
            aliases: [水利
          - name: 大阿镇政府
        """);

    assertThatThrownBy(() -> BotConfig.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir.resolve("units.yaml") + ": YAML syntax error (line ");
  }

  @Test
  @DisplayName("a key written twice in one entry is an error, not a silent overwrite")
  void duplicateKey() throws IOException {
    write("units.yaml", TWO_UNITS.replace("    category: 乡(镇)", "    category: 乡(镇)\n    name: 大塘埠镇政府"));

    assertThatThrownBy(() -> BotConfig.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(dir.resolve("units.yaml").toString())
        .hasMessageContaining("name");
  }

  @Test
  @DisplayName("an empty units.yaml or an empty unit list is an error")
  void emptyUnits() throws IOException {
    write("units.yaml", "# nothing yet\n");
    assertThatThrownBy(() -> BotConfig.load(dir)).hasMessage(dir.resolve("units.yaml") + ": units: required: the"
        + " file is empty");

    write("units.yaml", "units: []\n");
    assertThatThrownBy(() -> BotConfig.load(dir)).hasMessage(dir.resolve("units.yaml") + ": units: required: list at"
        + " least one unit");
  }

  @Test
  @DisplayName("a file saved in GBK instead of UTF-8 is reported as such")
  void notUtf8() throws IOException {
    Files.write(dir.resolve("units.yaml"), TWO_UNITS.getBytes(Charset.forName("GBK")));

    assertThatThrownBy(() -> BotConfig.load(dir))
        .hasMessage(dir.resolve("units.yaml") + ": not UTF-8 text; save the file with UTF-8 encoding");
  }

  @Test
  @DisplayName("a UTF-8 byte-order mark, as Windows Notepad writes it, is accepted")
  void byteOrderMark() throws IOException {
    write("units.yaml", "\uFEFF" + TWO_UNITS);

    assertThat(BotConfig.load(dir).units()).hasSize(2);
  }

  /** The bot-config/ shipped in the repository, checked against the April 2024 bulletin. */
  @Nested
  @DisplayName("the repository's bot-config/")
  class Shipped {
    private static final List<String> BULLETIN_ORDER = List.of(
        "县农业农村局", "县司法局", "县自然资源局", "县科技局", "县供销社", "县民政局", "县发改委", "县林业局",
        "县应急管理局", "县行政审批局", "县文广新旅局", "县退役军人事务局", "县城管局", "县工业和信息化局",
        "县公安局交管大队", "县财政局", "县公安局", "县教体局", "县税务局", "县果业发展服务中心", "县卫健委",
        "赣州市医疗保障局信丰分局", "县人社局", "县审计局", "县城市社区管委会", "县交通运输局", "县统计局", "县气象局",
        "县融媒体中心", "县商务局", "县史志研究室", "县乡村振兴局", "县住建局", "信丰公路发展分中心",
        "赣州市信丰生态环境局", "统调队", "县市场监督管理局", "县水利局", "县烟草专卖局", "高新区管委会",
        "大桥镇政府", "大塘埠镇政府", "小河镇政府", "西牛镇政府", "小江镇政府", "崇仙乡政府", "万隆乡政府",
        "油山镇政府", "虎山乡政府", "正平镇政府", "安西镇政府", "嘉定镇政府", "新田镇政府", "古陂镇政府",
        "大阿镇政府", "铁石口镇政府");

    private final BotConfig config = BotConfig.load(Path.of("bot-config"));

    @Test
    @DisplayName("office.yaml names the county 信丰县 and the city 赣州市, which unit names are matched without")
    void placeNames() {
      assertThat(config.unitNames()).isEqualTo(new UnitNames(List.of("信丰县", "赣州市")));
    }

    @Test
    @DisplayName("units.yaml lists the bulletin's 56 units in its order: 40 县直单位, then 16 乡镇")
    void allBulletinUnits() {
      assertThat(config.units()).extracting(Unit::name).containsExactlyElementsOf(BULLETIN_ORDER);
      assertThat(config.units(Category.COUNTY_DEPT)).hasSize(40);
      assertThat(config.units(Category.TOWNSHIP)).hasSize(16);
      assertThat(config.units().subList(0, 40)).allMatch(u -> u.category() == Category.COUNTY_DEPT);
    }

    @Test
    @DisplayName("the names the bulletin text itself uses resolve to a unit through an alias")
    void bulletinShortNames() {
      Map<String, String> owner = config.units().stream()
          .flatMap(u -> u.aliases().stream().map(a -> Map.entry(a, u.name())))
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

      assertThat(owner).contains(
          Map.entry("水利", "县水利局"), Map.entry("高新区", "高新区管委会"), Map.entry("工信局", "县工业和信息化局"),
          Map.entry("信丰生态环境局", "赣州市信丰生态环境局"), Map.entry("生态环境局", "赣州市信丰生态环境局"),
          Map.entry("医保局", "赣州市医疗保障局信丰分局"), Map.entry("医疗保障局", "赣州市医疗保障局信丰分局"),
          Map.entry("教育体育局", "县教体局"), Map.entry("交管大队", "县公安局交管大队"), Map.entry("大阿", "大阿镇政府"),
          Map.entry("虎山", "虎山乡政府"));
    }

    @Test
    @DisplayName("no alias merely repeats the unit's name without 县 or 政府, since lookups strip those anyway")
    void noRedundantAliases() {
      for (Unit unit : config.units()) {
        String key = UnitNames.NONE.key(unit.name());
        assertThat(unit.aliases()).as(unit.name()).noneMatch(a -> UnitNames.NONE.key(a).equals(key));
      }
    }

    @Test
    @DisplayName("the shipped files carry no contacts or staff yet, and the holiday calendar is present")
    void shippedEmpty() {
      assertThat(config.units()).allMatch(u -> u.contacts().isEmpty());
      assertThat(config.staff()).isEmpty();
      assertThat(Files.isRegularFile(Path.of("bot-config", "holidays-cn.csv"))).isTrue();
    }
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
