package io.zwgk.bot.bulletin;

import java.time.Instant;
import java.util.Objects;

/**
 * A piece of the bulletin that no data holds, written by office staff ({@code 月报 添加 工作动态 …}): a "十县百乡"
 * write-up, a 工作动态 entry, a 存在问题 paragraph naming units.
 *
 * @param id the 编号 staff type to remove it, unique across months
 * @param section the 栏目 as typed: {@code 工作动态}, {@code 存在问题}, or the name of a ● paragraph of 基本情况
 * @param text the text as typed
 * @param addedBy who added it
 * @param addedAt when
 */
public record NarrativeItem(String id, String section, String text, String addedBy, Instant addedAt) {
  public NarrativeItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(text, "text");
    addedBy = addedBy == null ? "" : addedBy;
    Objects.requireNonNull(addedAt, "addedAt");
    if (section.isBlank() || text.isBlank()) {
      throw new IllegalArgumentException("section and text must not be blank");
    }
  }
}
