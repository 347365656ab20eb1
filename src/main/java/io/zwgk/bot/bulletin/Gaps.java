package io.zwgk.bot.bulletin;

import java.util.ArrayList;
import java.util.List;

/** What a composition found missing (blocks publication) or worth a note (does not); filled while composing. */
final class Gaps {
  final List<String> missing = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  void missing(String what) {
    missing.add("缺少：" + what);
  }

  void note(String what) {
    notes.add("提示：" + what);
  }
}
