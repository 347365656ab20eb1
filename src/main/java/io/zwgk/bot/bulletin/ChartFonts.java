package io.zwgk.bot.bulletin;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font family the chart draws its Chinese labels with: a known CJK family when installed, else the font bundled in
 * the jar ({@link #BUNDLED}, WenQuanYi Micro Hei cut to GB2312), so a fresh machine or a bare JRE image draws readable
 * labels; only if that cannot be loaded, any installed family that can display them, else {@code SansSerif} with one
 * WARN. Chosen once, on first use, off the event loop (the scan reads every font).
 */
final class ChartFonts {
  static final String SAMPLE = "县直单位乡镇政府完成比例时序进度";
  static final String FALLBACK = Font.SANS_SERIF;
  static final String BUNDLED = "/fonts/WenQuanYiMicroHei-GB2312.ttf";
  private static final Logger log = LoggerFactory.getLogger(ChartFonts.class);
  private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
      "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
      "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "SimSun", "NSimSun");
  private static final List<String> CJK_HINTS = List.of("cjk", "hei", "song", "kai", "ming", "wenquanyi", "han sans");

  private ChartFonts() {
  }

  private static final class Holder {
    static final String FAMILY = pick();
  }

  /** The chosen family. */
  static String family() {
    return Holder.FAMILY;
  }

  private static String pick() {
    GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
    List<String> available = Arrays.asList(env.getAvailableFontFamilyNames(Locale.ROOT));
    Predicate<String> canDisplay = f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1;
    Optional<String> chosen = PREFERRED.stream().filter(available::contains).filter(canDisplay).findFirst()
        .or(() -> bundled().filter(f -> env.registerFont(f)).map(Font::getFamily).filter(canDisplay))
        .or(() -> choose(available, canDisplay));
    if (chosen.isEmpty()) {
      log.warn("no font can display Chinese (the bundled {} did not load); the bulletin chart's labels will show as "
          + "boxes — install a CJK font (e.g. the Debian package fonts-noto-cjk) and restart", BUNDLED);
      return FALLBACK;
    }
    log.info("bulletin chart font: {}", chosen.orElseThrow());
    return chosen.orElseThrow();
  }

  /** The font bundled in the jar, if it loads. */
  static Optional<Font> bundled() {
    try (InputStream in = ChartFonts.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(Font.createFont(Font.TRUETYPE_FONT, in));
    } catch (IOException | FontFormatException e) {
      log.warn("the bundled chart font {} did not load: {}", BUNDLED, e.toString());
      return Optional.empty();
    }
  }

  /**
   * The first preferred family that is available and can display Chinese, else the first available family whose name
   * looks CJK and can, else any that can.
   */
  static Optional<String> choose(List<String> available, Predicate<String> canDisplay) {
    Optional<String> preferred = PREFERRED.stream().filter(available::contains).filter(canDisplay).findFirst();
    if (preferred.isPresent()) {
      return preferred;
    }
    Predicate<String> looksCjk = f -> CJK_HINTS.stream().anyMatch(h -> f.toLowerCase(Locale.ROOT).contains(h));
    return available.stream().filter(looksCjk).filter(canDisplay).findFirst()
        .or(() -> available.stream().filter(canDisplay).findFirst());
  }
}
