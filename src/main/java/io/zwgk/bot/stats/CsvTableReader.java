package io.zwgk.bot.stats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader for CSV: quoted fields with commas, doubled quotes and line breaks; CRLF, LF or CR between
 * records. The text is UTF-8 (an optional BOM dropped) when the bytes are valid UTF-8, else GB18030 (which includes
 * GBK), the encoding Excel and WPS use for "CSV" on Chinese Windows. Row numbers count records, as a spreadsheet shows
 * them.
 */
final class CsvTableReader {
  private final String text;
  private int pos;
  private int row;

  private CsvTableReader(String text) {
    this.text = text;
  }

  private static final Charset GB18030 = Charset.forName(Tables.GB18030);

  /** The non-empty records of a CSV file. */
  static List<RawRow> read(byte[] body) throws TableException {
    return tables(body).sheets().get(0).rows();
  }

  /** The CSV file as one unnamed sheet, with the encoding it was read in. */
  static Tables tables(byte[] body) throws TableException {
    Decoded text = decode(body);
    return new Tables(text.encoding(), List.of(new Tables.Part("", new CsvTableReader(text.text()).records())));
  }

  /** Valid UTF-8 (BOM dropped) is read as UTF-8; anything else as GB18030, refused when it is not that either. */
  static Decoded decode(byte[] body) throws TableException {
    try {
      String s = strict(StandardCharsets.UTF_8, body);
      return new Decoded(s.startsWith("\uFEFF") ? s.substring(1) : s, Tables.UTF_8);
    } catch (CharacterCodingException notUtf8) {
      try {
        return new Decoded(strict(GB18030, body), Tables.GB18030);
      } catch (CharacterCodingException e) {
        throw new TableException(0, "文件既不是UTF-8也不是GB18030（GBK）编码；请在Excel中另存为“CSV UTF-8(逗号分隔)”");
      }
    }
  }

  private static String strict(Charset charset, byte[] body) throws CharacterCodingException {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(body))
        .toString();
  }

  /** A file's text and the encoding it was read in. */
  record Decoded(String text, String encoding) {}

  private List<RawRow> records() throws TableException {
    List<RawRow> rows = new ArrayList<>();
    RowBudget budget = new RowBudget();
    while (pos < text.length()) {
      row++;
      if (!budget.reaches(row)) {
        break;
      }
      RawRow record = new RawRow(row, record());
      if (!record.isBlank()) {
        rows.add(record);
      }
      if (!budget.counted(record.isBlank()) || rows.size() >= ImportLimits.MAX_TABLE_ROWS) {
        break;
      }
    }
    return rows;
  }

  private List<String> record() throws TableException {
    List<String> cells = new ArrayList<>();
    while (true) {
      cells.add(field());
      if (cells.size() > ImportLimits.MAX_COLUMNS) {
        throw ImportLimits.tooManyColumns(row);
      }
      if (pos >= text.length() || !atDelimiter()) {
        return cells;
      }
    }
  }

  /** Reads one field, stopping before the comma or line break that ends it. */
  private String field() throws TableException {
    StringBuilder cell = new StringBuilder();
    boolean quoted = pos < text.length() && text.charAt(pos) == '"';
    if (quoted) {
      pos++;
      quotedPart(cell);
    }
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ',' || c == '\r' || c == '\n') {
        return cell.toString();
      }
      append(cell, c);
      pos++;
    }
    return cell.toString();
  }

  private void quotedPart(StringBuilder cell) throws TableException {
    int start = row;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c != '"') {
        append(cell, c);
      } else if (pos < text.length() && text.charAt(pos) == '"') {
        append(cell, '"');
        pos++;
      } else {
        return;
      }
    }
    throw new TableException(start, "引号没有闭合");
  }

  /** Consumes the character after a field: true after a comma, false after a line break. */
  private boolean atDelimiter() {
    char c = text.charAt(pos++);
    if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
      pos++;
    }
    return c == ',';
  }

  private void append(StringBuilder cell, char c) throws TableException {
    if (cell.length() >= ImportLimits.MAX_CELL_CHARS) {
      throw ImportLimits.cellTooLong(row);
    }
    cell.append(c);
  }
}
