package io.zwgk.bot.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Allow/Disallow rules of one robots.txt for one robot (RFC 9309): the groups naming our product token, else the
 * {@code *} groups; the longest matching rule wins, Allow on a tie; {@code *} matches any run of characters and a
 * trailing {@code $} anchors the end. Immutable.
 */
final class RobotsRules {
  private static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());
  private static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule(false, "/", Pattern.compile("/.*"))));

  private record Rule(boolean allow, String path, Pattern pattern) {
  }

  private final List<Rule> rules;

  private RobotsRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  static RobotsRules allowAll() {
    return ALLOW_ALL;
  }

  /** For a robots.txt that could not be fetched for a server error: RFC 9309 says assume complete disallow. */
  static RobotsRules disallowAll() {
    return DISALLOW_ALL;
  }

  /** Parses robots.txt text for the robot whose product token is {@code token} (case-insensitive). */
  static RobotsRules parse(String text, String token) {
    Groups groups = new Groups(token.toLowerCase(Locale.ROOT));
    for (String raw : text.split("\\r?\\n|\\r")) {
      String line = raw.replaceFirst("#.*", "").strip();
      int colon = line.indexOf(':');
      if (colon > 0) {
        groups.line(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
    }
    return new RobotsRules(groups.named ? groups.mine : groups.star);
  }

  /** Collects the rules of the groups naming us and of the * groups while reading lines in order. */
  private static final class Groups {
    private final String me;
    private final List<String> agents = new ArrayList<>();
    private final List<Rule> mine = new ArrayList<>();
    private final List<Rule> star = new ArrayList<>();
    private boolean inRules;
    private boolean named;

    Groups(String me) {
      this.me = me;
    }

    void line(String field, String value) {
      if (field.equals("user-agent")) {
        if (inRules) {
          agents.clear();
          inRules = false;
        }
        agents.add(value.toLowerCase(Locale.ROOT));
        named |= value.equalsIgnoreCase(me);
      } else if ((field.equals("allow") || field.equals("disallow")) && !agents.isEmpty()) {
        inRules = true;
        if (!value.isEmpty()) {
          Rule rule = new Rule(field.equals("allow"), value, compile(value));
          if (agents.contains(me)) {
            mine.add(rule);
          }
          if (agents.contains("*")) {
            star.add(rule);
          }
        }
      }
    }
  }

  /** Whether the robot may fetch this path (with its query, as requested). */
  boolean allows(String pathAndQuery) {
    String path = pathAndQuery.isEmpty() ? "/" : pathAndQuery;
    Rule best = null;
    for (Rule r : rules) {
      if (r.pattern().matcher(path).matches() && (best == null || r.path().length() > best.path().length()
          || r.path().length() == best.path().length() && r.allow())) {
        best = r;
      }
    }
    return best == null || best.allow();
  }

  private static Pattern compile(String path) {
    boolean anchored = path.endsWith("$");
    String body = anchored ? path.substring(0, path.length() - 1) : path;
    String regex = Arrays.stream(body.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return Pattern.compile(regex + (anchored ? "" : ".*"), Pattern.DOTALL);
  }
}
