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
}
