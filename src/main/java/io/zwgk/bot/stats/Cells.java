package io.zwgk.bot.stats;

import io.zwgk.bot.ops.TextNormalizer;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normalisation and number parsing for cell texts typed by office staff. */
final class Cells {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");
  private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
  private static final int MAX_INTEGER_DIGITS = 10;

  private Cells() {}

  /** The text without any whitespace, BOM or zero-width characters; {@code null} becomes empty. */
  static String clean(String text) {
    return TextNormalizer.unspaced(text);
  }

  /** {@link #clean} after NFKC, which folds full-width digits, letters, punctuation and ideographic spaces. */
  static String normalized(String text) {
    return TextNormalizer.unspaced(TextNormalizer.widthFolded(text));
  }

  /** A decimal number in plain or scientific notation, with optional thousands separators. */
  static Optional<BigDecimal> number(String normalized) {
    String t = THOUSANDS.matcher(normalized).matches() ? normalized.replace(",", "") : normalized;
    if (!NUMBER.matcher(t).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(t));
  }

  /** Parses a count (non-negative whole number); returns the reason when it is not one. */
  static CountResult count(String normalized) {
    Optional<BigDecimal> parsed = number(normalized);
    if (parsed.isEmpty()) {
      return CountResult.problem("不是整数");
    }
    BigDecimal n = parsed.orElseThrow();
    if (n.signum() < 0) {
      return CountResult.problem("不能为负数");
    }
    if (n.precision() - n.scale() > MAX_INTEGER_DIGITS) {
      return CountResult.problem("数值过大");
    }
    if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
      return CountResult.problem("不是整数");
    }
    long value = n.longValue();
    return value > Integer.MAX_VALUE ? CountResult.problem("数值过大") : CountResult.of((int) value);
  }

  /** Either a count or the reason the text is not one. */
  record CountResult(int value, String problem) {
    static CountResult of(int value) {
      return new CountResult(value, null);
    }

    static CountResult problem(String reason) {
      return new CountResult(-1, reason);
    }

    boolean ok() {
      return problem == null;
    }
  }
}
