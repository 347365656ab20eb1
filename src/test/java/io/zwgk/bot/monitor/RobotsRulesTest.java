package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {
  @Test
  @DisplayName("the * group applies when no group names our robot")
  void star() {
    RobotsRules rules = RobotsRules.parse("""
        # comment
        User-agent: *
        Disallow: /private/
        Disallow: /tmp   # trailing comment
        """, "zwgk-bot");
    assertThat(rules.allows("/private/a.html")).isFalse();
    assertThat(rules.allows("/tmp.html")).isFalse();
    assertThat(rules.allows("/public/a.html")).isTrue();
    assertThat(rules.allows("/")).isTrue();
  }

  @Test
  @DisplayName("a group naming our robot replaces the * group, case-insensitively; an empty Disallow allows all")
  void ownGroup() {
    String text = """
        User-agent: *
        Disallow: /

        User-agent: ZWGK-Bot
        Disallow:
        """;
    assertThat(RobotsRules.parse(text, "zwgk-bot").allows("/anything")).isTrue();
    assertThat(RobotsRules.parse(text, "otherbot").allows("/anything")).isFalse();
  }

  @Test
  @DisplayName("grouped user agents share rules; the longest match wins and Allow wins a tie")
  void longestMatch() {
    RobotsRules rules = RobotsRules.parse("""
        User-agent: a
        User-agent: zwgk-bot
        Disallow: /docs/
        Allow: /docs/public/
        Disallow: /page
        Allow: /page
        """, "zwgk-bot");
    assertThat(rules.allows("/docs/x.pdf")).isFalse();
    assertThat(rules.allows("/docs/public/x.pdf")).isTrue();
    assertThat(rules.allows("/page")).isTrue();
  }

  @Test
  @DisplayName("* matches any run of characters and $ anchors the end")
  void wildcards() {
    RobotsRules rules = RobotsRules.parse("""
        User-agent: *
        Disallow: /*.doc$
        Disallow: /search?q=*
        """, "zwgk-bot");
    assertThat(rules.allows("/files/a.doc")).isFalse();
    assertThat(rules.allows("/files/a.docx")).isTrue();
    assertThat(rules.allows("/search?q=abc")).isFalse();
    assertThat(rules.allows("/search")).isTrue();
  }

  @Test
  @DisplayName("rules before any User-agent line are ignored; disallow-all forbids everything")
  void edges() {
    assertThat(RobotsRules.parse("Disallow: /\n", "zwgk-bot").allows("/a")).isTrue();
    assertThat(RobotsRules.disallowAll().allows("/")).isFalse();
    assertThat(RobotsRules.allowAll().allows("/x")).isTrue();
  }

  @Test
  @DisplayName("a robots.txt starting with a byte-order mark still disallows what it says")
  void byteOrderMark() {
    byte[] text = "\uFEFFUser-agent: *\nDisallow: /private/\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(RobotsRules.parse(text, "zwgk-bot").allows("/private/a.html")).isFalse();
  }

  @Test
  @DisplayName("a rule written in UTF-8 Chinese matches the percent-encoded path actually requested")
  void chineseRuleAgainstEncodedPath() {
    RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /信息公开/内部/\n", "zwgk-bot");
    assertThat(rules.allows("/%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80/%E5%86%85%E9%83%A8/a.html")).isFalse();
    assertThat(rules.allows("/%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80/a.html")).isTrue();
  }

  @Test
  @DisplayName("percent-encoding in either letter case is the same path")
  void percentEncodingCase() {
    RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /a%2Fb/\n", "zwgk-bot");
    assertThat(rules.allows("/a%2fb/x.html")).isFalse();
    assertThat(RobotsRules.parse("User-agent: *\nDisallow: /%e4%bf%a1/\n", "zwgk-bot").allows("/%E4%BF%A1/x"))
        .isFalse();
  }
}
