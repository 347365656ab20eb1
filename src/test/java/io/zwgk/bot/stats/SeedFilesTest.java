package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeedFilesTest {
  @ParameterizedTest
  @ValueSource(strings = {Fixtures.COUNTY, Fixtures.TOWNSHIP})
  @DisplayName("the demo tables in bot-config/demo are BOM-free UTF-8 and identical to the test copies")
  void demoEqualsTestCopy(String name) throws IOException {
    byte[] demo = Files.readAllBytes(Path.of("bot-config", "demo", name));

    assertThat(demo).isEqualTo(Fixtures.seed(name));
    assertThat(new String(demo, StandardCharsets.UTF_8))
        .startsWith("单位名称,本年度任务数,已发布总数,本月发布条数,完成比例\n")
        .doesNotContain("\r");
  }

  @ParameterizedTest
  @ValueSource(strings = {Fixtures.COUNTY})
  @DisplayName("the BOM copy is the plain copy with a UTF-8 BOM in front")
  void bomCopy(String name) {
    byte[] bom = Fixtures.seed(Fixtures.COUNTY_BOM);

    assertThat(Arrays.copyOfRange(bom, 3, bom.length)).isEqualTo(Fixtures.seed(name));
  }
}
