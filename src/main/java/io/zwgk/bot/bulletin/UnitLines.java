package io.zwgk.bot.bulletin;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of the published summary that addresses the units: how many the bulletin names and the deadline, then one
 * line per unit with what the bulletin says of it (at most {@value #ITEMS} items of at most {@value #ITEM_CHARS}
 * characters each). A group of some units gets its own units' lines first, under 本群单位. Headings stand apart by a
 * blank line, as markdown needs to keep them off the list. Lines are added while they fit the byte budget; the
 * units left out are counted in a last line that points to the full text. Pure.
 */
final class UnitLines {
  static final int ITEMS = 3;
  static final int ITEM_CHARS = 60;
  /** Bytes kept for the last line that counts the units left out. */
  private static final int CUT_LINE_BYTES = 64;

  private UnitLines() {
  }

  /** The lines within {@code budget} UTF-8 bytes, each ending with a line break. */
  static String of(Bulletin b, Accountable named, Audience to, int budget) {
    if (named.units().isEmpty()) {
      return "本期没有点名的单位。\n";
    }
    List<Accountable.Entry> own = to.ownUnits()
        ? named.units().stream().filter(e -> to.group().covers(e.unit())).toList() : List.of();
    List<Accountable.Entry> others = named.units().stream().filter(e -> !own.contains(e)).toList();
    List<String> lines = new ArrayList<>();
    lines.add("**本期点名 " + named.units().size() + " 个单位**(问题整改期限 " + Narrative.day(b.rectificationDeadline())
        + ")\n");
    if (!own.isEmpty()) {
      lines.add("**本群单位**\n");
      own.forEach(e -> lines.add(line(e)));
      if (!others.isEmpty()) {
        lines.add("\n**其他单位**\n");
      }
    }
    others.forEach(e -> lines.add(line(e)));
    return fit(lines, budget);
  }

  private static String fit(List<String> lines, int budget) {
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < lines.size(); i++) {
      int cost = ChatSummary.bytes(lines.get(i)) + 1;
      boolean last = i == lines.size() - 1;
      if (used + cost > budget - (last ? 0 : CUT_LINE_BYTES)) {
        long left = lines.subList(i, lines.size()).stream().filter(l -> l.startsWith("- ")).count();
        return out.append("- ……另有 ").append(left).append(" 个单位,见全文\n").toString();
      }
      out.append(lines.get(i)).append('\n');
      used += cost;
    }
    return out.toString();
  }

  private static String line(Accountable.Entry e) {
    List<String> shown = e.what().stream().limit(ITEMS).map(UnitLines::cut).map(ChatSummary::lit).toList();
    String more = e.what().size() > ITEMS ? " 等 " + e.what().size() + " 项" : "";
    return "- **" + ChatSummary.lit(e.unit()) + "**:" + String.join(";", shown) + more;
  }

  private static String cut(String text) {
    return text.codePointCount(0, text.length()) <= ITEM_CHARS ? text
        : text.substring(0, text.offsetByCodePoints(0, ITEM_CHARS - 1)) + "…";
  }
}
