package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChartRendererTest {
  /** Bars crossed by the pixel row just above the zero line: runs of the two bar colours, left to right. */
  private static List<Integer> barColours(BufferedImage image) {
    List<Integer> runs = new ArrayList<>();
    int previous = -1;
    for (int x = 0; x < image.getWidth(); x++) {
      int rgb = image.getRGB(x, ChartRenderer.BASELINE - 1) & 0xFFFFFF;
      boolean bar = rgb == (ChartRenderer.ABOVE.getRGB() & 0xFFFFFF)
          || rgb == (ChartRenderer.BELOW.getRGB() & 0xFFFFFF);
      if (bar && rgb != previous) {
        runs.add(rgb);
      }
      previous = bar ? rgb : -1;
    }
    return runs;
  }

  @Test
  @DisplayName("the PNG decodes at 1400×720 with one bar per unit: 56, of which 27 reach the 33.33% time schedule")
  void oneBarPerUnit() throws Exception {
    byte[] png = ChartRenderer.png(SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6)));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH).isEqualTo(1400);
    assertThat(image.getHeight()).isEqualTo(ChartRenderer.HEIGHT).isEqualTo(720);
    List<Integer> bars = barColours(image);
    assertThat(bars).hasSize(56);
    assertThat(bars.stream().filter(c -> c == (ChartRenderer.ABOVE.getRGB() & 0xFFFFFF))).hasSize(27 + 16);
  }

  @Test
  @DisplayName("with fewer units there are fewer bars; without statistics there are none")
  void barCountFollowsData() throws Exception {
    Bulletin seed = SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6));
    Bulletin.Table county = seed.tables().get(0);
    Bulletin five = new Bulletin(seed.period(), seed.title(), "", seed.status(), seed.issueDate(),
        seed.rectificationDeadline(), List.of(), List.of(new Bulletin.Table(county.label(), county.title(),
            county.category(), 4, county.rows().subList(35, 40))), List.of(), List.of(), Optional.empty());
    Bulletin none = new Bulletin(seed.period(), seed.title(), "", seed.status(), seed.issueDate(),
        seed.rectificationDeadline(), List.of(), List.of(), List.of(), List.of(), Optional.empty());

    assertThat(barColours(ImageIO.read(new ByteArrayInputStream(ChartRenderer.png(five))))).hasSize(5);
    assertThat(barColours(ImageIO.read(new ByteArrayInputStream(ChartRenderer.png(none))))).isEmpty();
  }

  @Test
  @DisplayName("the font choice prefers an installed CJK family, then any family that can show Chinese, else none")
  void fontChoice() {
    List<String> installed = List.of("DejaVu Sans", "Noto Sans CJK SC", "AR PL UKai CN");
    assertThat(ChartFonts.choose(installed, f -> !f.startsWith("DejaVu"))).contains("Noto Sans CJK SC");
    assertThat(ChartFonts.choose(List.of("DejaVu Sans", "Droid Sans Fallback"), f -> f.startsWith("Droid")))
        .contains("Droid Sans Fallback");
    assertThat(ChartFonts.choose(List.of("DejaVu Sans", "Dialog"), f -> false)).isEmpty();
  }

  @Test
  @DisplayName("the bundled font loads from the jar and draws every unit name of bot-config and the chart's own labels")
  void bundledFontCoversTheLabels() throws Exception {
    java.awt.Font font = ChartFonts.bundled().orElseThrow();
    StringBuilder labels = new StringBuilder(ChartFonts.SAMPLE).append("时序进度 33.33% 完成比例（%）县直单位 乡镇");
    for (java.nio.file.Path csv : java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("bot-config", "demo"),
        "*.csv")) {
      labels.append(java.nio.file.Files.readString(csv));
    }
    labels.append(java.nio.file.Files.readString(java.nio.file.Path.of("bot-config", "units.yaml")).lines()
        .filter(l -> l.startsWith("  - name: ")).map(l -> l.substring(10)).reduce("", String::concat));
    String text = labels.toString().replaceAll("[\\r\\n]", "");

    int missing = font.canDisplayUpTo(text);
    assertThat(missing).as(() -> "the bundled font cannot draw «" + text.charAt(missing) + "»").isEqualTo(-1);
    assertThat(font.canDisplay('鄉')).as("only GB2312 is bundled, not traditional characters").isFalse();
  }
}
