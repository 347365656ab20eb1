package io.zwgk.bot.stats;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Rejects zip bombs before an XLSX file reaches the reader: inflates every entry, as the reader's own zip library
 * sees them, and stops at a budget of uncompressed bytes.
 */
final class ZipGuard {
  private ZipGuard() {}

  static void check(byte[] body, long maxInflatedBytes) throws TableException {
    try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(body)).get()) {
      long budget = maxInflatedBytes;
      int entries = 0;
      for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
        if (++entries > ImportLimits.MAX_XLSX_ENTRIES) {
          throw new TableException(0, "xlsx文件内部条目过多，拒绝处理");
        }
        try (InputStream in = zip.getInputStream(e.nextElement())) {
          budget -= drain(in, budget, maxInflatedBytes);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw XlsxTableReader.unreadable();
    }
  }

  private static long drain(InputStream in, long budget, long limit) throws IOException, TableException {
    byte[] buffer = new byte[64 * 1024];
    long read = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      read += n;
      if (read > budget) {
        throw new TableException(0, "xlsx文件解压后超过" + limit / (1024 * 1024) + "MB，拒绝处理");
      }
    }
    return read;
  }
}
