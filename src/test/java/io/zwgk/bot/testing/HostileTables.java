package io.zwgk.bot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Hostile upload tables for the import parsers: a valid table (header and rows) with cells replaced by hostile text,
 * rows and columns added or dropped, written as CSV with some chaos, or as XLSX whose XML is then
 * tampered with (entity bombs, absurd cell references, truncation, flipped bytes).
 */
public final class HostileTables {
  private static final String ENTITY_BOMB = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;"
      + "&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
      + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f SYSTEM \"file:///etc/passwd\">]>";

  private HostileTables() {
  }

  /** The rows with one to five mutations: hostile cells, extra or missing cells, duplicated or many rows. */
  public static List<List<String>> mutate(HostileInput in, List<List<String>> rows) {
    Random r = in.random();
    List<List<String>> out = new ArrayList<>();
    rows.forEach(row -> out.add(new ArrayList<>(row)));
    for (int i = 1 + r.nextInt(5); i > 0; i--) {
      List<String> row = out.get(r.nextInt(out.size()));
      switch (r.nextInt(7)) {
        case 0 -> row.add(in.mixed(1 + r.nextInt(4)));
        case 1 -> {
          if (!row.isEmpty()) {
            row.remove(r.nextInt(row.size()));
          }
        }
        case 2 -> out.add(1 + r.nextInt(out.size()), new ArrayList<>(row));
        case 3 -> {
          for (int n = r.nextInt(25) == 0 ? 21_000 : r.nextInt(50); n > 0; n--) {
            out.add(new ArrayList<>(out.get(out.size() - 1)));
          }
        }
        case 4 -> {
          if (!row.isEmpty()) {
            row.set(r.nextInt(row.size()), r.nextInt(4) == 0 ? in.text() : "");
          }
        }
        default -> {
          if (!row.isEmpty()) {
            row.set(r.nextInt(row.size()), in.mixed(1 + r.nextInt(6)));
          }
        }
      }
    }
    return out;
  }

  /** CSV bytes, sometimes with one kind of chaos: a wrong separator, a stray quote, odd line ends, GBK, flipped bytes. */
  public static byte[] csv(HostileInput in, List<List<String>> rows) {
    Random r = in.random();
    StringBuilder sb = new StringBuilder(r.nextBoolean() ? "\uFEFF" : "");
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        String cell = row.get(c);
        boolean quote = r.nextInt(4) == 0 || cell.contains(",") || cell.contains("\"") || cell.contains("\n")
            || cell.contains("\r");
        sb.append(c > 0 ? "," : "").append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
      }
      sb.append('\n');
    }
    String text = sb.toString();
    int at = r.nextInt(text.length() + 1);
    text = switch (r.nextInt(12)) {
      case 0 -> text.substring(0, at) + ";" + text.substring(at);
      case 1 -> text.substring(0, at) + "\"" + text.substring(at);
      case 2 -> text.replace("\n", r.nextBoolean() ? "\r" : "\r\n");
      case 3 -> text.substring(0, at);
      default -> text;
    };
    byte[] bytes = text.getBytes(r.nextInt(10) == 0 ? java.nio.charset.Charset.forName("GBK") : StandardCharsets.UTF_8);
    return r.nextInt(10) == 0 ? flip(r, bytes) : bytes;
  }

  /** An XLSX workbook of the rows; sometimes with its XML tampered with afterwards. */
  public static byte[] xlsx(HostileInput in, List<List<String>> rows) {
    Random r = in.random();
    byte[] book = workbook(rows);
    return switch (r.nextInt(6)) {
      case 0 -> flip(r, book);
      case 1 -> java.util.Arrays.copyOf(book, r.nextInt(book.length));
      case 2, 3 -> tamper(book, in);
      default -> book;
    };
  }

  /** The rows as a one-sheet workbook; cells that look like numbers are written as numbers, as Excel would. */
  public static byte[] workbook(List<List<String>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "zwgk-bot-fuzz", "1.0");
      Worksheet ws = workbook.newWorksheet("Sheet1");
      for (int i = 0; i < rows.size(); i++) {
        List<String> row = rows.get(i);
        for (int c = 0; c < row.size() && c < 16_000; c++) {
          String v = xmlSafe(row.get(c));
          if (v.matches("-?[0-9]{1,15}(\\.[0-9]{1,15})?")) {
            ws.value(i, c, Double.parseDouble(v));
          } else if (!v.isEmpty()) {
            ws.value(i, c, v.length() > 32_000 ? v.substring(0, 32_000) : v);
          }
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Rewrites one XML entry of the workbook: an entity bomb, absurd cell references, garbage or a cut. */
  private static byte[] tamper(byte[] book, HostileInput in) {
    Random r = in.random();
    Map<String, byte[]> entries = unzip(book);
    List<String> xml = entries.keySet().stream().filter(n -> n.endsWith(".xml")).toList();
    String name = xml.get(r.nextInt(xml.size()));
    String text = new String(entries.get(name), StandardCharsets.UTF_8);
    String tampered = switch (r.nextInt(6)) {
      case 0 -> text.replaceFirst("\\?>", "?>" + ENTITY_BOMB).replaceFirst("<c ", "<c x=\"&e;&f;\" ");
      case 1 -> text.replaceAll("r=\"[A-Z]+([0-9]+)\"", r.nextBoolean() ? "r=\"XFD1048576\"" : "r=\"A$1\"");
      case 2 -> text.replaceAll("<row r=\"([0-9]+)\"", "<row r=\"" + (1 + r.nextInt(Integer.MAX_VALUE)) + "\"");
      case 3 -> text.substring(0, r.nextInt(text.length() + 1));
      case 4 -> text.replaceFirst("<v>[^<]*</v>", "<v>" + xmlSafe(in.mixed(5)) + "</v>");
      default -> text.replace("<", "<" + "x:".repeat(r.nextInt(3)));
    };
    entries.put(name, tampered.getBytes(StandardCharsets.UTF_8));
    return zip(entries);
  }

  private static String xmlSafe(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
        || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static byte[] flip(Random r, byte[] bytes) {
    byte[] copy = bytes.clone();
    for (int i = 1 + r.nextInt(20); i > 0 && copy.length > 0; i--) {
      copy[r.nextInt(copy.length)] ^= (byte) (1 + r.nextInt(255));
    }
    return copy;
  }

  private static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile file = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
      for (ZipArchiveEntry e : java.util.Collections.list(file.getEntries())) {
        try (java.io.InputStream in = file.getInputStream(e)) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
