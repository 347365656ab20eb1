package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.monitor.PageLinks.Link;
import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageLinksTest {
  @Test
  @DisplayName("links and images become absolute targets once each; mail, script and fragment-only links are skipped")
  void targets() {
    String html = """
        <a href="a.html">甲</a> <a href="a.html#x">甲again</a> <a href="#top">top</a>
        <a href="mailto:x@y.cn">mail</a> <a href="javascript:void(0)">js</a> <a href="tel:123">tel</a>
        <a href="https://other.example/b"><img src="/img/p.png" alt="照片"></a> <img src="data:image/png;base64,AA">
        <img src="/img/q.jpg">""";
    assertThat(PageLinks.of(Jsoup.parse(html, "http://127.0.0.1:8080/col/index.html"))).containsExactly(
        new Link("http://127.0.0.1:8080/col/a.html", "甲", false),
        new Link("https://other.example/b", "照片", false),
        new Link("http://127.0.0.1:8080/img/p.png", "照片", true),
        new Link("http://127.0.0.1:8080/img/q.jpg", "图片", true));
  }

  @Test
  @DisplayName("addresses with Chinese or spaces are escaped; origins carry the default port; only http(s) is used")
  void urls() {
    assertThat(Urls.parse("http://127.0.0.1/附件/名单 1.html")).map(URI::toASCIIString)
        .contains("http://127.0.0.1/%E9%99%84%E4%BB%B6/%E5%90%8D%E5%8D%95%201.html");
    assertThat(Urls.parse("ftp://127.0.0.1/a")).isEmpty();
    assertThat(Urls.parse("not a url")).isEmpty();
    assertThat(Urls.origin(URI.create("https://WWW.Example.cn/a"))).isEqualTo("https://www.example.cn:443");
    assertThat(Urls.pathAndQuery(URI.create("http://h"))).isEqualTo("/");
    assertThat(Urls.pathAndQuery(URI.create("http://h/a?b=1"))).isEqualTo("/a?b=1");
    assertThat(Urls.resolve("http://h/a/b.html", "../c.html")).contains("http://h/c.html");
  }
}
