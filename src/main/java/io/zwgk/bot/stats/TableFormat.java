package io.zwgk.bot.stats;

import java.util.Locale;
import java.util.Optional;

/** The two file formats office staff upload statistics in. */
public enum TableFormat {
  CSV,
  XLSX;

  static final String XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Maps an HTTP content type such as {@code text/csv; charset=utf-8}; parameters and case are ignored. */
  public static Optional<TableFormat> fromContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return switch (mime) {
      case "text/csv", "application/csv", "text/comma-separated-values" -> Optional.of(CSV);
      case XLSX_CONTENT_TYPE -> Optional.of(XLSX);
      default -> Optional.empty();
    };
  }

  /** Maps a file name by its extension ({@code .csv}, {@code .xlsx}), for callers that have no content type. */
  public static Optional<TableFormat> fromFileName(String fileName) {
    if (fileName == null) {
      return Optional.empty();
    }
    String name = fileName.strip().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    return name.endsWith(".xlsx") ? Optional.of(XLSX) : Optional.empty();
  }
}
