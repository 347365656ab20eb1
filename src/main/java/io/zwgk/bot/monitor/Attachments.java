package io.zwgk.bot.monitor;

import io.zwgk.bot.monitor.Fetch.Ok;
import io.zwgk.bot.stats.ZipGuard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The text of attachments the monitor can read for privacy checks: {@code .txt}, {@code .csv} (UTF-8, else
 * GB18030) and {@code .xlsx} (every sheet, one line per row, after a zip-bomb check), up to the crawler's
 * attachment cap. Other formats (doc, pdf, xls)
 * are only link-checked. Blocking: call off the event loop.
 */
final class Attachments {
  private static final long MAX_INFLATED = 50L * 1024 * 1024;
  private static final int MAX_ENTRIES = 2000;
  private static final int MAX_ROWS = 20_000;

  private Attachments() {
  }

  /** Whether the address names an attachment this class reads. */
  static boolean readable(String url) {
    String path = Urls.parse(url).map(u -> u.getPath() == null ? "" : u.getPath()).orElse("")
        .toLowerCase(Locale.ROOT);
    return path.endsWith(".txt") || path.endsWith(".csv") || path.endsWith(".xlsx");
  }

  /**
   * The attachment's text; empty when it cannot be read. Its size is bounded by the crawler, which stops reading at
   * the attachment cap of monitor.yaml ({@code crawl.maxAttachmentMiB}).
   */
  static Optional<String> text(Ok ok) {
    byte[] bytes = ok.body().getBytes();
    return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' ? xlsx(bytes) : Optional.of(plain(bytes));
  }

  private static String plain(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("GB18030"));
    }
  }

  private static Optional<String> xlsx(byte[] bytes) {
    if (ZipGuard.inspect(bytes, MAX_INFLATED, MAX_ENTRIES) != ZipGuard.Verdict.OK) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
      int rows = 0;
      for (Iterator<Sheet> sheets = book.getSheets().iterator(); sheets.hasNext() && rows < MAX_ROWS; ) {
        try (Stream<Row> stream = sheets.next().openStream()) {
          for (Iterator<Row> it = stream.iterator(); it.hasNext() && rows < MAX_ROWS; rows++) {
            it.next().stream().map(Attachments::cell).forEach(c -> out.append(c).append('\t'));
            out.append('\n');
          }
        }
      }
      return Optional.of(out.toString());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String cell(Cell cell) {
    return cell == null || cell.getRawValue() == null ? "" : cell.getText();
  }
}
