package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.chat.MessageSplitter;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Contact;
import io.zwgk.bot.stats.Unit;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChatSummaryTest {
  private static final Optional<String> URL = Optional.of("https://zwgk.example.gov.cn/");
  private static final String PAGE = "https://zwgk.example.gov.cn/bulletins/2024-04";
  private final Bulletin draft = SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6));
  private final Accountable named = new Accountable(List.of(
      entry("县卫健委", "栏目更新不及时：4月29日县卫健委工作动态出现逾期"),
      entry("小江镇政府", "栏目更新不及时：小江镇多次被提醒工作动态即将逾期"),
      entry("县发改委", "“以干代训”" + Accountable.MISSED)));
  private final Map<String, Unit> units = Map.of(
      "县卫健委", unit("县卫健委", new Contact("赵六", "13800000001", Map.of("dingtalk", "zhao6", "wecom", "ZhaoLiu"))),
      "小江镇政府", unit("小江镇政府", new Contact("钱七", "13800000002", Map.of("wecom", "QianQi"))),
      "县水利局", unit("县水利局", new Contact("张三", "13800000003", Map.of("dingtalk", "zhang3"))));

  private static Accountable.Entry entry(String unit, String... what) {
    return new Accountable.Entry(unit, List.of(what));
  }

  private static Unit unit(String name, Contact... contacts) {
    Category category = name.endsWith("镇政府") ? Category.TOWNSHIP : Category.COUNTY_DEPT;
    return new Unit(name, category, List.of(), List.of(contacts));
  }

  private static GroupConfig group(String platform, String... units) {
    return new GroupConfig("群", platform, "default", Optional.empty(), Optional.empty(), Optional.empty(), false,
        true, List.of(units));
  }

  private Audience audience(String platform, String... groupUnits) {
    return Audience.of(group(platform, groupUnits), named, units, Map.of(), 3600);
  }

  @Test
  @DisplayName("the group message is the title, the headline figures, the units named and links to the full text, "
      + "the Word document and the tables; not the sections or the tables themselves")
  void published() {
    OutboundMessage m = ChatSummary.published(draft, named, audience("wecom"), URL);

    assertThat(m.title()).isEqualTo("2024年4月政务公开月报");
    assertThat(m.markdown()).startsWith("## 2024年4月政务公开月报\n\n●信息发布情况。2024年4月,县政府门户网站累计主动公开政府信息20160条。")
        .contains("**本期点名 3 个单位**(问题整改期限 2024年5月11日)",
            "- **县卫健委**:栏目更新不及时：4月29日县卫健委工作动态出现逾期",
            "- **县发改委**:“以干代训”未按要求落实到位",
            "[查看全文](" + PAGE + ") · [下载 Word](" + PAGE + ".docx) · [下载统计表(Excel)](" + PAGE + ".xlsx)")
        .doesNotContain("114.73", "### [工作要求]", "编者按", "chart.png");
  }

  @Test
  @DisplayName("on DingTalk, whose markdown shows images, the summary also shows the completion-ratio chart; Feishu, "
      + "whose messages show no markdown links, gets the addresses as text")
  void chartOnDingTalkAddressesOnFeishu() {
    assertThat(ChatSummary.published(draft, named, audience("dingtalk"), URL).markdown())
        .contains("![各单位完成比例与时序进度](" + PAGE + "/chart.png)");
    assertThat(ChatSummary.published(draft, named, audience("feishu"), URL).markdown())
        .contains("查看全文：" + PAGE + "\n下载 Word：" + PAGE + ".docx\n下载统计表(Excel)：" + PAGE + ".xlsx")
        .doesNotContain("](");
  }

  @Test
  @DisplayName("without a public URL nothing else shows the bulletin: the full text follows the units' lines, and "
      + "split to a platform's limit every part fits and the parts hold the whole message")
  void fullTextWithoutPublicUrl() {
    OutboundMessage m = ChatSummary.published(draft, named, audience("dingtalk"), Optional.empty());

    assertThat(m.markdown()).contains("- **县卫健委**", "---\n\n编者按:", "### [工作要求]",
        "**附件**:政府信息公开平台县直单位信息发布统计表、政府信息公开平台各乡镇信息发布统计表见全文").doesNotContain("](");
    List<OutboundMessage> parts = MessageSplitter.split(m, 2000);
    assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p ->
        assertThat(p.markdown().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2000));
    assertThat(parts.get(0).atUserIds()).containsExactly("zhao6");
    assertThat(String.join("\n", parts.stream().map(OutboundMessage::markdown).toList()))
        .contains("累计主动公开政府信息20160条", "即2024年5月11日前");
  }

  @Test
  @DisplayName("the contacts of every unit named are @-mentioned on the group's platform by user id, else by mobile, "
      + "then the users bound to them; a unit's people are mentioned only where the group covers the unit")
  void mentions() {
    Map<String, List<String>> bound = Map.of("县卫健委", List.of("bound-1"), "县水利局", List.of("bound-water"));

    Audience dingtalk = Audience.of(group("dingtalk"), named, units, bound, 3600);
    Audience wecom = Audience.of(group("wecom"), named, units, Map.of(), 3600);
    Audience townships = Audience.of(group("wecom", "小江镇政府", "大阿镇政府"), named, units, Map.of(), 3600);

    assertThat(dingtalk.userIds()).as("县水利局 is not named: its bound user is not mentioned")
        .containsExactly("zhao6", "bound-1");
    assertThat(dingtalk.mobiles()).as("钱七 has no DingTalk id").containsExactly("13800000002");
    assertThat(wecom.userIds()).containsExactly("ZhaoLiu", "QianQi");
    assertThat(wecom.mobiles()).isEmpty();
    assertThat(townships.userIds()).containsExactly("QianQi");
    OutboundMessage m = ChatSummary.published(draft, named, dingtalk, URL);
    assertThat(m.atUserIds()).containsExactly("zhao6", "bound-1");
    assertThat(m.atMobiles()).containsExactly("13800000002");
  }

  @Test
  @DisplayName("a group of some units gets its own units' lines first, then the other units'")
  void ownUnitsFirst() {
    String all = ChatSummary.published(draft, named, audience("wecom"), URL).markdown();
    String townships = ChatSummary.published(draft, named, audience("wecom", "小江镇政府", "大阿镇政府"), URL)
        .markdown();

    assertThat(all.indexOf("县卫健委**")).isLessThan(all.indexOf("小江镇政府**"));
    assertThat(all).doesNotContain("本群单位");
    assertThat(townships).contains("**本群单位**\n\n- **小江镇政府**:栏目更新不及时：小江镇多次被提醒工作动态即将逾期\n\n**其他单位**\n\n"
        + "- **县卫健委**:");
    assertThat(townships.indexOf("小江镇政府**")).isLessThan(townships.indexOf("县卫健委**"));
    assertThat(townships.indexOf("县卫健委**")).isLessThan(townships.indexOf("县发改委**"));
  }

  @Test
  @DisplayName("with every unit named, long findings and many people to @, the message still fits one WeCom "
      + "message: the lines that do not fit are counted, the group's own first, and the links stay")
  void fitsOneMessage() {
    List<Accountable.Entry> entries = new ArrayList<>();
    List<Unit> many = new ArrayList<>();
    for (Unit u : SeedBulletin.BOT.units()) {
      entries.add(new Accountable.Entry(u.name(), IntStream.range(0, 5)
          .mapToObj(i -> "不可用链接等问题屡禁不止：" + u.name() + "的工作动态出现不可用链接问题,经随机检查发现多处链接无法打开需要尽快整改").toList()));
      many.add(new Unit(u.name(), u.category(), List.of(), List.of(
          new Contact("甲", "", Map.of("wecom", "wecom-user-" + u.name().hashCode())),
          new Contact("乙", "13900000000", Map.of()))));
    }
    Accountable everyone = new Accountable(entries);
    String last = entries.get(entries.size() - 1).unit();
    Map<String, Unit> byName = new HashMap<>();
    many.forEach(u -> byName.put(u.name(), u));
    Audience to = Audience.of(group("wecom", last), everyone, byName, Map.of(last, List.of("bound-last")), 3600);

    String text = ChatSummary.published(draft, everyone, to, URL).markdown();

    assertThat(to.userIds()).as("only the group's unit").containsExactly("wecom-user-" + last.hashCode(), "bound-last");
    assertThat(ChatSummary.bytes(text)).isLessThanOrEqualTo(to.textBytes());
    assertThat(MessageSplitter.split(OutboundMessage.of("t", text), 3600)).hasSize(1);
    assertThat(text).contains("**本群单位**\n\n- **" + last + "**:", " 等 5 项", PAGE + ".xlsx)");
    long shown = text.lines().filter(l -> l.startsWith("- **")).count();
    assertThat(text).contains("- ……另有 " + (entries.size() - shown) + " 个单位,见全文");
    assertThat(text.lines().filter(l -> l.startsWith("- **")).allMatch(l -> l.length() < 250)).isTrue();
  }

  @Test
  @DisplayName("a narrative item, a unit name, a finding or a note with links, images or mentions is shown as text: "
      + "the only links are the chart and the full text")
  void userTextStaysText() {
    String hostile = "[点我](http://e.vil/x) ![i](http://e.vil/i.png) <@zhangsan> <at user_id=\"all\"></at>";
    List<Bulletin.Section> sections = new ArrayList<>(draft.sections());
    sections.add(new Bulletin.Section("工作动态", "●" + hostile + "。县水利局报送了材料。"));
    Bulletin b = new Bulletin(draft.period(), draft.title(), draft.preface(), draft.status(), draft.issueDate(),
        draft.rectificationDeadline(), sections, draft.tables(), List.of(hostile), List.of(hostile),
        draft.publication());
    TrackedItem.Finding f = new TrackedItem.Finding("", hostile, hostile, "x", LocalDate.of(2024, 5, 6),
        LocalDate.of(2024, 5, 11), TrackedItem.FindingState.OPEN, null);
    Accountable hostileUnits = new Accountable(List.of(entry(hostile, hostile)));
    Audience to = Audience.of(group("dingtalk"), hostileUnits, Map.of(), Map.of(), 14_000);

    String published = ChatSummary.published(b, hostileUnits, to, URL).markdown();
    String full = ChatSummary.published(b, hostileUnits, to, Optional.empty()).markdown();
    String preview = ChatSummary.preview(b, List.of(f)).markdown();

    assertThat(published.split("\\]\\(", -1)).as("links and images: the chart and the three documents").hasSize(5);
    assertThat(published).contains("［点我］（http：//e.vil/x）").doesNotContain("http://e.vil", "<@", "<at");
    assertThat(full).contains("［点我］（http：//e.vil/x）").doesNotContain("](", "http://e.vil", "<@", "<at");
    assertThat(preview).doesNotContain("](", "http://e.vil", "<@", "<at");
  }

  @Test
  @DisplayName("a bulletin that names no unit says so")
  void nobodyNamed() {
    Accountable none = new Accountable(List.of());
    OutboundMessage m = ChatSummary.published(draft, none, Audience.of(group("wecom"), none, units, Map.of(), 3600),
        URL);

    assertThat(m.markdown()).contains("本期没有点名的单位。");
    assertThat(m.atUserIds()).isEmpty();
  }

  @Test
  @DisplayName("the preview starts with what is missing and the findings publication would create")
  void preview() {
    TrackedItem.Finding f = new TrackedItem.Finding("", "县卫健委", "栏目更新不及时", "工作动态逾期",
        LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 11), TrackedItem.FindingState.OPEN, null);

    String text = ChatSummary.preview(draft, List.of(f)).markdown();

    assertThat(text).startsWith("**【草稿预览】2024年4月政务公开月报**(尚未发布)\n\n- **缺少：网络问政信件数未录入");
    assertThat(text).contains("发布后将新增整改事项 1 条(整改期限 2024年5月11日):县卫健委(栏目更新不及时)",
        "确认无误后发送「月报 发布 2024-04」。");
  }
}
