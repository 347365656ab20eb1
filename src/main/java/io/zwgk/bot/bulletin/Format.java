package io.zwgk.bot.bulletin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The downloadable forms of a bulletin, each with its content type and renderer. */
enum Format {
  HTML("text/html; charset=utf-8", null),
  DOCX(DocxWriter.CONTENT_TYPE, "docx"),
  XLSX(XlsxWriter.CONTENT_TYPE, "xlsx"),
  PNG("image/png", null);

  private final String contentType;
  private final String extension;

  Format(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  static Format of(String extension) {
    return switch (extension) {
      case "docx" -> DOCX;
      case "xlsx" -> XLSX;
      default -> HTML;
    };
  }

  String contentType() {
    return contentType;
  }

  /** Renders the bulletin; blocking (Java2D, zip), so run it in {@code executeBlocking}. */
  byte[] render(Bulletin b) {
    return switch (this) {
      case HTML -> HtmlRenderer.page(b, b.tables().isEmpty() ? new byte[0] : ChartRenderer.png(b))
          .getBytes(StandardCharsets.UTF_8);
      case DOCX -> DocxWriter.docx(b);
      case XLSX -> XlsxWriter.xlsx(b);
      case PNG -> ChartRenderer.png(b);
    };
  }

  /** A download's file name: ASCII for old clients, the Chinese title for the rest (RFC 6266). */
  Optional<String> disposition(Bulletin b) {
    if (extension == null) {
      return Optional.empty();
    }
    String name = (this == XLSX ? b.title() + "附件" : b.title()) + "." + extension;
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return Optional.of("attachment; filename=\"zwgk-bulletin-" + b.period() + "." + extension + "\"; filename*=UTF-8''"
        + encoded);
  }
}
