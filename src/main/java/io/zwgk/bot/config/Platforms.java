package io.zwgk.bot.config;

import java.util.Set;

/** The chat platforms that bot-config files may name. */
final class Platforms {
  static final Set<String> NAMES = Set.of("dingtalk", "wecom", "feishu");
  static final String HINT = "use dingtalk, wecom or feishu";

  private Platforms() {
  }
}
