package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListDatesTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 5, 6);

  private static ListDates.Scan scan(String html, Optional<String> selector) {
    Document doc = Jsoup.parse(html, "http://127.0.0.1/col/");
    return ListDates.scan(doc, selector, TODAY, 2);
  }

  @Test
  @DisplayName("every date format is read: 2024-04-29, 2024/4/29, 2024.4.29, 2024年4月29日")
  void formats() {
    for (String text : new String[] {"2024-04-29", "2024/4/29", "2024.4.29", "2024年4月29日", "2024 年 4 月 29 日",
        "[2024-04-29 10:30]"}) {
      assertThat(DateFinder.find("发布 " + text, TODAY)).as(text).containsExactly(LocalDate.of(2024, 4, 29));
    }
  }

  @Test
  @DisplayName("dates without a year take the latest year that is not in the future")
  void shortDates() {
    assertThat(DateFinder.find("[04-29]", TODAY)).containsExactly(LocalDate.of(2024, 4, 29));
    assertThat(DateFinder.find("[12-30]", TODAY)).containsExactly(LocalDate.of(2023, 12, 30));
    assertThat(DateFinder.find("5月6日", TODAY)).containsExactly(LocalDate.of(2024, 5, 6));
    assertThat(DateFinder.find("05-07", TODAY)).containsExactly(LocalDate.of(2023, 5, 7));
    assertThat(DateFinder.find("02-29", LocalDate.of(2025, 3, 1))).containsExactly(LocalDate.of(2024, 2, 29));
  }

  @Test
  @DisplayName("impossible days, future dates, ranges and phone numbers are not dates")
  void notDates() {
    assertThat(DateFinder.find("2024-02-30", TODAY)).isEmpty();
    assertThat(DateFinder.find("2024-05-07", TODAY)).isEmpty();
    assertThat(DateFinder.find("3-5个工作日", TODAY)).isEmpty();
    assertThat(DateFinder.find("电话0797-7177965", TODAY)).isEmpty();
    assertThat(DateFinder.find("13-45", TODAY)).isEmpty();
  }

  @Test
  @DisplayName("the newest row date wins, and the newest linked items are listed newest first")
  void newest() {
    ListDates.Scan scan = scan("""
        <ul class="nav"><li><a href="/">首页</a></li></ul>
        <ul class="list">
          <li><a href="a.html">关于春耕的通知</a><span>2024-03-01</span></li>
          <li><a href="b.html">工作动态二</a><span>[04-29]</span></li>
          <li><a href="c.html#top">工作动态三</a><span>2024年4月2日</span></li>
        </ul>""", Optional.empty());

    assertThat(scan).isInstanceOf(ListDates.Dated.class);
    ListDates.Dated dated = (ListDates.Dated) scan;
    assertThat(dated.newest()).isEqualTo(LocalDate.of(2024, 4, 29));
    assertThat(dated.newestItems()).extracting(i -> i.url().orElseThrow())
        .containsExactly("http://127.0.0.1/col/b.html", "http://127.0.0.1/col/c.html");
  }

  @Test
  @DisplayName("a date inside a title does not beat the row's publication date")
  void titleDates() {
    ListDates.Dated dated = (ListDates.Dated) scan("""
        <table><tr><td><a href="a.html">关于2024年5月1日放假安排的通知</a></td><td>2024-04-20</td></tr></table>""",
        Optional.empty());
    assertThat(dated.newest()).isEqualTo(LocalDate.of(2024, 4, 20));
  }

  @Test
  @DisplayName("rows without li or tr are read from each link's parent")
  void divRows() {
    ListDates.Dated dated = (ListDates.Dated) scan("""
        <div class="item"><a href="x.html">动态</a><em>2024/4/3</em></div>""", Optional.empty());
    assertThat(dated.newest()).isEqualTo(LocalDate.of(2024, 4, 3));
  }

  @Test
  @DisplayName("a CSS selector picks the date elements; the row's link is the item")
  void selector() {
    String html = """
        <div class="side"><li><a href="z.html">侧栏</a> 2024-05-01</li></div>
        <div class="list"><p><a href="a.html">甲</a><i class="d">2024-04-01</i></p></div>""";
    ListDates.Dated dated = (ListDates.Dated) scan(html, Optional.of("i.d"));

    assertThat(dated.newest()).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(dated.newestItems()).extracting(i -> i.url().orElseThrow()).containsExactly("http://127.0.0.1/col/a.html");
    assertThat(scan(html, Optional.of("span.none"))).isInstanceOf(ListDates.Undated.class);
  }

  @Test
  @DisplayName("a page without dated rows is undated, never fresh")
  void undated() {
    assertThat(scan("<ul><li><a href='a.html'>无日期</a></li></ul><p>今天是星期一</p>", Optional.empty()))
        .isInstanceOf(ListDates.Undated.class);
    assertThat(scan("", Optional.empty())).isInstanceOf(ListDates.Undated.class);
  }
}
