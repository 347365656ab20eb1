package io.zwgk.bot.bulletin;

import io.zwgk.bot.stats.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Splits a staff [存在问题] paragraph into what it says about each unit it names, so every unit's finding carries only
 * its own words. The body is cut into sentences ({@code 。;；!？}) and clauses ({@code ,，:：}), never inside quotes; a
 * clause naming one unit is that unit's, and the unit-less clauses after it in its sentence belong with it
 * ({@code …依据为章贡区,出现逻辑性错误}). A list {@code 小江镇、文广新旅局多次被提醒…} gives each unit its name plus the
 * list's predicate ({@code 小江镇多次被提醒…}), also when the list runs over a comma ({@code 还有大桥镇、高新区,油山镇、…等单位的…}).
 * A clause naming several units in another way is not separable: those units get the paragraph's lead sentence plus
 * their name. A paragraph naming one unit gives it the whole body. Pure.
 */
final class ClauseSplitter {
  private static final String SENTENCE_STOPS = "。;；!！?？";
  private static final String CLAUSE_STOPS = ",，:：";
  private static final String OPENING_QUOTES = "“\"‘「《";
  private static final String CLOSING_QUOTES = "”\"’」》";
  private static final Pattern CONNECTIVE = Pattern.compile("^(如|例如|比如|其中|还有|另有|另外|以及|同时)");
  private static final Pattern LIST_TAIL = Pattern.compile("^等(单位|部门|乡镇|乡\\(镇\\))?");
  private static final List<String> SUFFIXES = List.of("人民政府", "政府");

  private final UnitMentions mentions;
  private final Map<String, List<String>> forms = new HashMap<>();

  ClauseSplitter(UnitMentions mentions, List<Unit> units) {
    this.mentions = mentions;
    units.forEach(u -> forms.put(u.name(), forms(u)));
  }

  /**
   * What the paragraph says about each unit it names, in order of first mention.
   *
   * @param body the paragraph without its heading
   * @param leadWithUnit the text for a unit whose clause is not separable, from the lead sentence and the unit
   */
  Map<String, String> split(String body, BiFunction<String, String, String> leadWithUnit) {
    List<String> named = mentions.in(body);
    Map<String, String> out = new LinkedHashMap<>();
    if (named.size() <= 1) {
      named.forEach(u -> out.put(u, trimmed(body)));
      return out;
    }
    List<String> sentences = cut(body, SENTENCE_STOPS);
    String lead = sentences.isEmpty() ? trimmed(body) : sentences.get(0);
    Map<String, List<String>> clauses = new LinkedHashMap<>();
    named.forEach(u -> clauses.put(u, new ArrayList<>()));
    for (String sentence : sentences) {
      sentence(sentence, clauses, lead, leadWithUnit);
    }
    clauses.forEach((u, texts) -> out.put(u, texts.isEmpty() ? leadWithUnit.apply(lead, u)
        : String.join(";", new LinkedHashSet<>(texts))));
    return out;
  }

  private void sentence(String sentence, Map<String, List<String>> clauses, String lead,
      BiFunction<String, String, String> leadWithUnit) {
    Map<String, StringBuilder> open = new LinkedHashMap<>();
    for (String clause : joinLists(cut(sentence, CLAUSE_STOPS))) {
      List<String> units = mentions.in(clause);
      if (units.isEmpty()) {
        open.values().forEach(b -> b.append(',').append(clause));
        continue;
      }
      close(open, clauses);
      Optional<Map<String, String>> own = perUnit(connectiveless(clause), units);
      if (own.isPresent()) {
        own.get().forEach((u, text) -> open.put(u, new StringBuilder(text)));
      } else {
        units.forEach(u -> clauses.computeIfAbsent(u, k -> new ArrayList<>()).add(leadWithUnit.apply(lead, u)));
      }
    }
    close(open, clauses);
  }

  private static void close(Map<String, StringBuilder> open, Map<String, List<String>> clauses) {
    open.forEach((u, text) -> clauses.computeIfAbsent(u, k -> new ArrayList<>()).add(text.toString()));
    open.clear();
  }

  /** Each unit's own text of a clause: the clause itself for one unit, a list's name plus predicate for several. */
  private Optional<Map<String, String>> perUnit(String clause, List<String> units) {
    if (units.size() == 1) {
      return Optional.of(Map.of(units.get(0), clause));
    }
    List<String> pieces = cut(clause, "、");
    if (pieces.size() != units.size()) {
      return Optional.empty();
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < pieces.size() - 1; i++) {
      if (!isName(pieces.get(i), units.get(i))) {
        return Optional.empty();
      }
      names.put(units.get(i), pieces.get(i));
    }
    String last = pieces.get(pieces.size() - 1);
    String lastUnit = units.get(units.size() - 1);
    Optional<String> form = leadingForm(last, lastUnit);
    if (form.isEmpty() || names.containsKey(lastUnit)) {
      return Optional.empty();
    }
    names.put(lastUnit, form.get());
    String predicate = LIST_TAIL.matcher(last.substring(form.get().length())).replaceFirst("");
    Map<String, String> out = new LinkedHashMap<>();
    names.forEach((u, name) -> out.put(u, name + predicate));
    return Optional.of(out);
  }

  /** Clauses that are only a list of names ({@code 还有大桥镇、高新区}) joined with the clause they continue. */
  private List<String> joinLists(List<String> clauses) {
    List<String> out = new ArrayList<>();
    String pending = "";
    for (String clause : clauses) {
      String joined = pending.isEmpty() ? clause : pending + "、" + clause;
      if (mentions.in(joined).size() >= 2 && onlyNames(connectiveless(joined))) {
        pending = joined;
      } else {
        out.add(joined);
        pending = "";
      }
    }
    if (!pending.isEmpty()) {
      out.add(pending);
    }
    return out;
  }

  private boolean onlyNames(String clause) {
    List<String> pieces = cut(clause, "、");
    List<String> units = mentions.in(clause);
    if (pieces.size() != units.size()) {
      return false;
    }
    for (int i = 0; i < pieces.size(); i++) {
      if (!isName(pieces.get(i), units.get(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean isName(String piece, String unit) {
    return forms.getOrDefault(unit, List.of(unit)).contains(piece) && mentions.in(piece).equals(List.of(unit));
  }

  private Optional<String> leadingForm(String text, String unit) {
    return forms.getOrDefault(unit, List.of(unit)).stream().filter(text::startsWith)
        .filter(f -> mentions.in(f).equals(List.of(unit))).findFirst();
  }

  /**
   * A unit's names, longest first: full name, without the county's place names ({@link UnitMentions#bare}) and
   * without 政府, and its aliases.
   */
  private List<String> forms(Unit u) {
    Set<String> out = new LinkedHashSet<>();
    out.add(u.name());
    out.add(mentions.bare(u.name()));
    for (String s : SUFFIXES) {
      for (String n : List.copyOf(out)) {
        if (n.endsWith(s) && n.length() - s.length() >= 2) {
          out.add(n.substring(0, n.length() - s.length()));
        }
      }
    }
    out.addAll(u.aliases());
    return out.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  private static String connectiveless(String clause) {
    return CONNECTIVE.matcher(clause).replaceFirst("").strip();
  }

  private static String trimmed(String text) {
    return text.strip().replaceAll("[。;；,，\\s]+$", "");
  }

  /** The non-blank parts of {@code text} between the stop characters that stand outside quotes, stripped. */
  static List<String> cut(String text, String stops) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (depth > 0 && CLOSING_QUOTES.indexOf(c) >= 0) {
        depth--;
      } else if (OPENING_QUOTES.indexOf(c) >= 0 && c != '"' || c == '"' && depth == 0) {
        depth++;
      }
      if (depth == 0 && stops.indexOf(c) >= 0) {
        add(parts, part);
      } else {
        part.append(c);
      }
    }
    add(parts, part);
    return parts;
  }

  private static void add(List<String> parts, StringBuilder part) {
    String p = part.toString().strip();
    if (!p.isEmpty()) {
      parts.add(p);
    }
    part.setLength(0);
  }
}
