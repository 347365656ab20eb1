package io.zwgk.bot.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/**
 * Accepts request lines that carry raw UTF-8, as curl sends {@code "…?category=县直单位"} and {@code /units/县水利局}:
 * the HTTP decoder reads each byte of the request line as one ISO-8859-1 character, so without this every route saw
 * mojibake. When the bytes of the URI are valid UTF-8, the request is re-routed with them percent-encoded, and every
 * route's query and path parameters decode as the user typed them; other bytes are left as they came.
 */
public final class Utf8Uris {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Utf8Uris() {
  }

  /** Installs the check in front of every route; call before mounting any route. */
  public static void install(Router router) {
    router.route().handler(Utf8Uris::handle);
  }

  private static void handle(RoutingContext rc) {
    Optional<String> encoded = percentEncoded(rc.request().uri());
    if (encoded.isPresent()) {
      rc.reroute(rc.request().method(), encoded.get());
    } else {
      rc.next();
    }
  }

  /**
   * {@code uri} with its non-ASCII bytes percent-encoded, when it has any and they are valid UTF-8 (each character
   * standing for one byte, as the decoder reads them); empty when the URI is plain ASCII or its bytes are not UTF-8.
   */
  static Optional<String> percentEncoded(String uri) {
    if (uri == null || uri.chars().allMatch(c -> c < 0x80) || uri.chars().anyMatch(c -> c > 0xFF)) {
      return Optional.empty();
    }
    byte[] bytes = uri.getBytes(ISO_8859_1);
    try {
      UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      if (b >= 0) {
        out.append((char) b);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return Optional.of(out.toString());
  }
}
