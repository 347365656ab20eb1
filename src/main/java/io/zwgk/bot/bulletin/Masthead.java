package io.zwgk.bot.bulletin;

/** The masthead's parts as every form of the bulletin prints them: 第N期, the issuer and the issue date. Stateless. */
final class Masthead {
  private static final String GAP = "　　";

  private Masthead() {
  }

  /** {@code 第4期}; empty for a bulletin without a number. */
  static String number(Bulletin b) {
    return b.number() > 0 ? "第" + b.number() + "期" : "";
  }

  /** The title with the number, {@code 信丰县2024年4月政务公开月报(第4期)}, or the title alone without one. */
  static String titled(Bulletin b) {
    return b.number() > 0 ? b.title() + "(" + number(b) + ")" : b.title();
  }

  /** {@code 信丰县政务公开办　　2024年5月6日}: the issuer and the issue date. */
  static String issueLine(Bulletin b) {
    return signature(b.issuer(), Narrative.day(b.issueDate()));
  }

  /** The issuer and a day, or the day alone when the bulletin names no issuer. */
  static String signature(String issuer, String day) {
    return issuer.isBlank() ? day : issuer + GAP + day;
  }

  /** A correction's signature: the bulletin's issuer and the day the correction was issued. */
  static String signature(Bulletin b, Correction c) {
    return signature(b.issuer(), Narrative.day(c.day()));
  }
}
