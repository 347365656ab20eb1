package io.zwgk.bot.monitor;

import static java.nio.charset.StandardCharsets.UTF_8;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.util.List;
import java.util.Locale;

/**
 * The Allow/Disallow rules of one robots.txt for one robot (RFC 9309), parsed and matched by crawler-commons'
 * {@link SimpleRobotRulesParser}: the groups naming our product token, else the {@code *} groups; the longest
 * matching rule wins, Allow on a tie; {@code *} and {@code $}; a byte-order mark, rules written in UTF-8 (Chinese
 * paths) against the percent-encoded path actually requested, and percent-encoding in either letter case. Immutable.
 */
final class RobotsRules {
  /** Only the path and query of a URL are matched; the origin is the robots.txt's own. */
  private static final String ORIGIN = "http://robots.invalid";
  private static final RobotsRules ALLOW_ALL = new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL));
  private static final RobotsRules DISALLOW_ALL = new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE));

  private final BaseRobotRules rules;

  private RobotsRules(BaseRobotRules rules) {
    this.rules = rules;
  }

  static RobotsRules allowAll() {
    return ALLOW_ALL;
  }

  /** For a robots.txt that could not be fetched for a server error: RFC 9309 says assume complete disallow. */
  static RobotsRules disallowAll() {
    return DISALLOW_ALL;
  }

  /** Parses robots.txt as fetched (bytes, UTF-8 by RFC 9309) for the robot whose product token is {@code token}. */
  static RobotsRules parse(byte[] content, String token) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    return new RobotsRules(parser.parseContent(ORIGIN + "/robots.txt", content, "text/plain",
        List.of(token.toLowerCase(Locale.ROOT))));
  }

  /** As {@link #parse(byte[], String)}, from text. */
  static RobotsRules parse(String text, String token) {
    return parse(text.getBytes(UTF_8), token);
  }

  /** Whether the robot may fetch this path (with its query, as requested: percent-encoded or not). */
  boolean allows(String pathAndQuery) {
    return rules.isAllowed(ORIGIN + (pathAndQuery.isEmpty() ? "/" : pathAndQuery));
  }
}
