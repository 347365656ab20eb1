package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.monitor.Fetch.Problem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailuresTest {
  @Test
  @DisplayName("failures are classified as HTTP status, timeout, DNS or connection, also when wrapped")
  void classify() {
    assertThat(Failures.of("u", new SiteFetcher.StatusException(404, null)).describe()).isEqualTo("HTTP 404");
    assertThat(Failures.of("u", new TimeoutException("The timeout period of 15000ms has been exceeded")).problem())
        .isEqualTo(Problem.TIMEOUT);
    assertThat(Failures.of("u", new RuntimeException(new UnknownHostException("no.such.host"))).problem())
        .isEqualTo(Problem.DNS);
    assertThat(Failures.of("u", new ConnectException("Connection refused")).problem()).isEqualTo(Problem.CONNECTION);
    assertThat(Failures.of("u", new IllegalStateException("odd")).problem()).isEqualTo(Problem.CONNECTION);
  }

  @Test
  @DisplayName("real images decode; empty, HTML and truncated bytes do not; WebP and SVG pass by signature")
  void images() throws IOException {
    BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    ByteArrayOutputStream jpg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpg);

    assertThat(Images.decodable(png.toByteArray(), "image/png")).isTrue();
    assertThat(Images.decodable(jpg.toByteArray(), "image/jpeg")).isTrue();
    assertThat(Images.decodable(new byte[0], "image/png")).isFalse();
    assertThat(Images.decodable("<html>404</html>".getBytes(StandardCharsets.UTF_8), "image/png")).isFalse();
    assertThat(Images.decodable(Arrays.copyOf(png.toByteArray(), 30), "image/png")).isFalse();
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
    assertThat(Images.decodable(webp, "image/webp")).isTrue();
    assertThat(Images.decodable("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8),
        "image/svg+xml")).isTrue();
  }
}
