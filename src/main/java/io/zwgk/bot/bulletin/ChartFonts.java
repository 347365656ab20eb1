package io.zwgk.bot.bulletin;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font family the chart draws its Chinese labels with: a known CJK family when installed, else any installed family
 * that can display them, else the logical {@code SansSerif} with one WARN (labels then show as boxes: install a CJK
 * font such as {@code fonts-noto-cjk}). Chosen once, on first use, off the event loop (the scan reads every font).
 */
final class ChartFonts {
  static final String SAMPLE = "县直单位乡镇政府完成比例时序进度";
  static final String FALLBACK = Font.SANS_SERIF;
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
    List<String> available = Arrays.asList(
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT));
    Optional<String> chosen = choose(available, f -> new Font(f, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1);
    if (chosen.isEmpty()) {
      log.warn("no installed font can display Chinese; the bulletin chart's labels will show as boxes — install a CJK "
          + "font (e.g. the Debian package fonts-noto-cjk) and restart");
      return FALLBACK;
    }
    log.info("bulletin chart font: {}", chosen.orElseThrow());
    return chosen.orElseThrow();
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
