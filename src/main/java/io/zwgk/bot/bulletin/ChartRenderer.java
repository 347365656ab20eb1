package io.zwgk.bot.bulletin;

import io.zwgk.bot.stats.UnitStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The chart of the attachment tables: one bar per unit (完成比例), county departments then townships, each in table
 * order, bars at or above the time schedule (时序进度 = month/12) in blue and below it in red, the schedule as a
 * horizontal dashed line, unit names written top-down under the bars. Java2D, headless; blocking, so call it in
 * {@code executeBlocking}.
 */
final class ChartRenderer {
  static final int WIDTH = 1400;
  static final int HEIGHT = 720;
  static final Color ABOVE = new Color(0x2F, 0x6E, 0xBA);
  static final Color BELOW = new Color(0xD9, 0x53, 0x4F);
  static final int LEFT = 70;
  static final int RIGHT = WIDTH - 20;
  static final int TOP = 90;
  /** The y of the zero line; every bar covers at least the two rows above it. */
  static final int BASELINE = HEIGHT - 190;
  private static final Color SCHEDULE = new Color(0x8B, 0x00, 0x00);
  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final int LABEL_SIZE = 12;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private ChartRenderer() {
  }

  static byte[] png(Bulletin b) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      String family = ChartFonts.family();
      BigDecimal schedule = schedule(b);
      double max = scaleMax(b, schedule);
      axes(g, family, max);
      bars(g, family, b, schedule, max);
      scheduleLine(g, family, schedule, max);
      header(g, family, b, schedule);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** 时序进度 in percent: month/12, two decimals (April → 33.33). */
  static BigDecimal schedule(Bulletin b) {
    return UnitStats.ratioOf(b.period().getMonthValue(), 12);
  }

  private static double scaleMax(Bulletin b, BigDecimal schedule) {
    double top = Math.max(100, schedule.doubleValue());
    for (Bulletin.Table t : b.tables()) {
      for (Bulletin.Row r : t.rows()) {
        top = Math.max(top, r.ratio().doubleValue());
      }
    }
    return Math.ceil(top / 50) * 50;
  }

  private static int y(double value, double max) {
    return BASELINE - (int) Math.round(value / max * (BASELINE - TOP));
  }

  private static void axes(Graphics2D g, String family, double max) {
    g.setFont(new Font(family, Font.PLAIN, LABEL_SIZE));
    for (int v = 0; v <= max; v += 50) {
      int y = y(v, max);
      g.setColor(v == 0 ? Color.GRAY : GRID);
      g.drawLine(LEFT, y, RIGHT, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(v + "%", LEFT - 10 - g.getFontMetrics().stringWidth(v + "%"), y + 4);
    }
  }

  private static void bars(Graphics2D g, String family, Bulletin b, BigDecimal schedule, double max) {
    List<Bulletin.Table> tables = b.tables();
    int slots = tables.stream().mapToInt(t -> t.rows().size()).sum() + Math.max(0, tables.size() - 1);
    if (slots == 0) {
      return;
    }
    double slot = (RIGHT - LEFT) / (double) slots;
    int width = (int) Math.max(2, Math.min(40, Math.floor(slot * 0.7)));
    int index = 0;
    for (Bulletin.Table t : tables) {
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(family, Font.BOLD, LABEL_SIZE + 2));
      g.drawString(t.category().label(), (int) (LEFT + index * slot), TOP - 8);
      for (Bulletin.Row r : t.rows()) {
        int x = (int) Math.round(LEFT + index * slot + (slot - width) / 2);
        int top = Math.min(y(r.ratio().doubleValue(), max), BASELINE - 2);
        g.setColor(r.ratio().compareTo(schedule) >= 0 ? ABOVE : BELOW);
        g.fillRect(x, top, width, BASELINE - top);
        label(g, family, r.unit(), x + width / 2);
        index++;
      }
      index++;
    }
  }

  private static void label(Graphics2D g, String family, String unit, int centerX) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(family, Font.PLAIN, LABEL_SIZE));
    int y = BASELINE + LABEL_SIZE + 4;
    int[] chars = unit.codePoints().toArray();
    for (int i = 0; i < chars.length && y < HEIGHT - 4; i++, y += LABEL_SIZE + 1) {
      String c = new String(Character.toChars(chars[i]));
      g.drawString(c, centerX - g.getFontMetrics().stringWidth(c) / 2, y);
    }
  }

  private static void scheduleLine(Graphics2D g, String family, BigDecimal schedule, double max) {
    int y = y(schedule.doubleValue(), max);
    g.setColor(SCHEDULE);
    g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
    g.drawLine(LEFT, y, RIGHT, y);
    g.setStroke(new BasicStroke(1f));
    g.setFont(new Font(family, Font.BOLD, LABEL_SIZE));
    String text = "时序进度 " + schedule.toPlainString() + "%";
    int width = g.getFontMetrics().stringWidth(text);
    g.setColor(Color.WHITE);
    g.fillRect(RIGHT - width - 4, y - 6 - LABEL_SIZE, width + 4, LABEL_SIZE + 2);
    g.setColor(SCHEDULE);
    g.drawString(text, RIGHT - width - 2, y - 6);
  }

  private static void header(Graphics2D g, String family, Bulletin b, BigDecimal schedule) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(family, Font.BOLD, 20));
    String title = b.title() + " 各单位信息发布完成比例(%)";
    g.drawString(title, (WIDTH - g.getFontMetrics().stringWidth(title)) / 2, 32);
    g.setFont(new Font(family, Font.PLAIN, LABEL_SIZE));
    int x = LEFT;
    x = legend(g, x, ABOVE, "达到时序进度");
    x = legend(g, x, BELOW, "低于时序进度");
    g.setColor(SCHEDULE);
    g.drawString("- - 时序进度 " + schedule.toPlainString() + "%", x, 58);
  }

  private static int legend(Graphics2D g, int x, Color color, String text) {
    g.setColor(color);
    g.fillRect(x, 48, 14, 12);
    g.setColor(Color.BLACK);
    g.drawString(text, x + 20, 58);
    return x + 30 + g.getFontMetrics().stringWidth(text);
  }
}
