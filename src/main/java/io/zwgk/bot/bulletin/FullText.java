package io.zwgk.bot.bulletin;

import java.util.List;
import java.util.stream.Collectors;

/** The bulletin as plain text in the seed's layout; table cells separated by {@code " | "}. */
final class FullText {
  private FullText() {
  }

  static String of(Bulletin b) {
    StringBuilder out = new StringBuilder(b.title()).append('\n');
    if (!b.preface().isBlank()) {
      out.append(b.preface()).append('\n');
    }
    for (Bulletin.Section s : b.sections()) {
      out.append('[').append(s.title()).append("]\n");
      s.paragraphs().forEach(p -> out.append(p).append('\n'));
    }
    if (!b.tables().isEmpty()) {
      out.append(attachmentList(b.tables())).append('\n');
    }
    for (Bulletin.Table t : b.tables()) {
      out.append(t.label()).append('\n').append(t.title()).append('\n');
      out.append(String.join(" | ", t.headers())).append('\n');
      t.rows().forEach(r -> out.append(String.join(" | ", r.cells())).append('\n'));
    }
    return out.toString();
  }

  /** {@code 附件:1.…表} and one line per further table: the seed's attachment list. */
  static String attachmentList(List<Bulletin.Table> tables) {
    StringBuilder out = new StringBuilder("附件:");
    for (int i = 0; i < tables.size(); i++) {
      out.append(i == 0 ? "" : "\n").append(i + 1).append('.').append(tables.get(i).title());
    }
    return out.toString();
  }

  /** Names joined with the enumeration comma, as the seed lists units. */
  static String names(List<String> names) {
    return names.stream().collect(Collectors.joining("、"));
  }
}
