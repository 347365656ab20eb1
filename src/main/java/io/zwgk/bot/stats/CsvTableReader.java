package io.zwgk.bot.stats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader for UTF-8 CSV: quoted fields with commas, doubled quotes and line breaks; CRLF, LF or CR
 * between records; an optional BOM. Row numbers count records, as a spreadsheet shows them.
 */
final class CsvTableReader {
  private final String text;
  private int pos;
  private int row;

  private CsvTableReader(String text) {
    this.text = text;
  }

  /** The non-empty records of a CSV file. */
  static List<RawRow> read(byte[] body) throws TableException {
    return new CsvTableReader(decode(body)).records();
  }

  private static String decode(byte[] body) throws TableException {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new TableException(0, "文件不是UTF-8编码（可能是GBK）；请在Excel中另存为“CSV UTF-8(逗号分隔)”");
    }
  }

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
