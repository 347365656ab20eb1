package io.zwgk.bot.monitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Whether image bytes display: {@code ImageIO} decodes them (JPEG, PNG, GIF, BMP, TIFF); WebP, SVG and ICO, which
 * ImageIO does not read, are accepted by their signature. Blocking: call off the event loop.
 */
final class Images {
  private static final long MAX_PIXELS = 60_000_000L;

  private Images() {
  }

  static boolean decodable(byte[] bytes, String contentType) {
    if (bytes.length == 0) {
      return false;
    }
    if (isWebp(bytes) || isIco(bytes) || isSvg(bytes, contentType)) {
      return true;
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return false;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
          return true;
        }
        return reader.read(0) != null;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean isWebp(byte[] b) {
    return b.length > 12 && new String(b, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
        && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
  }

  private static boolean isIco(byte[] b) {
    return b.length > 4 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0;
  }

  private static boolean isSvg(byte[] b, String contentType) {
    String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return (contentType.toLowerCase(Locale.ROOT).contains("svg") || head.startsWith("<?xml") || head.startsWith("<svg"))
        && head.contains("<svg");
  }
}
