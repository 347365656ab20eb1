package io.zwgk.bot.stats;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Rejects zip bombs before an XLSX file reaches a reader: inflates every entry, as the readers' own zip library sees
 * them, and stops at a number of entries or a budget of uncompressed bytes. Shared by the statistics import and the
 * site monitor's attachment reader. Pure and blocking; call it off the event loop.
 */
public final class ZipGuard {
  private ZipGuard() {}

  /** What inflating an archive found. */
  public enum Verdict {
    /** Within both limits. */
    OK,
    /** More entries than allowed. */
    TOO_MANY_ENTRIES,
    /** The entries together inflate beyond the budget. */
    TOO_LARGE,
    /** Not a zip archive the library can read. */
    UNREADABLE
  }

  /** Inflates {@code zip} entry by entry, stopping at the first limit it crosses. */
  public static Verdict inspect(byte[] zip, long maxInflatedBytes, int maxEntries) {
    try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
      long budget = maxInflatedBytes;
      int entries = 0;
      byte[] buffer = new byte[64 * 1024];
      for (Enumeration<ZipArchiveEntry> e = file.getEntries(); e.hasMoreElements(); ) {
        if (++entries > maxEntries) {
          return Verdict.TOO_MANY_ENTRIES;
        }
        try (InputStream in = file.getInputStream(e.nextElement())) {
          budget = drain(in, buffer, budget);
        }
        if (budget < 0) {
          return Verdict.TOO_LARGE;
        }
      }
      return Verdict.OK;
    } catch (IOException | RuntimeException e) {
      return Verdict.UNREADABLE;
    }
  }

  /** The statistics import's check: at most {@link ImportLimits#MAX_XLSX_ENTRIES} entries, each refusal worded. */
  static void check(byte[] body, long maxInflatedBytes) throws TableException {
    switch (inspect(body, maxInflatedBytes, ImportLimits.MAX_XLSX_ENTRIES)) {
      case OK -> { }
      case TOO_MANY_ENTRIES -> throw new TableException(0, "xlsx文件内部条目过多，拒绝处理");
      case TOO_LARGE -> throw new TableException(0,
          "xlsx文件解压后超过" + maxInflatedBytes / (1024 * 1024) + "MB，拒绝处理");
      case UNREADABLE -> throw XlsxTableReader.unreadable();
    }
  }

  /** The budget left after reading {@code in}; negative as soon as it is overspent. */
  private static long drain(InputStream in, byte[] buffer, long budget) throws IOException {
    long left = budget;
    for (int n = in.read(buffer); n >= 0 && left >= 0; n = in.read(buffer)) {
      left -= n;
    }
    return left;
  }
}
