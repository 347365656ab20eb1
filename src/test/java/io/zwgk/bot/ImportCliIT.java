package io.zwgk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.TestRedis;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} on the command line prints what was read: the encoding when not UTF-8, every new unit. */
@ExtendWith(RedisServerExtension.class)
class ImportCliIT {
  private static final String HEADER = "单位名称,本年度任务数,已发布总数,本月发布条数\n";
  @TempDir
  Path dir;

  @BeforeEach
  void flush() {
    TestRedis.flush();
  }

  private Map<String, String> env() {
    return Map.of("ZWGK_CONFIG_DIR", "bot-config", "ZWGK_DATA_DIR", dir.resolve("data").toString(),
        "REDIS_URL", RedisServerExtension.uri(), "ZWGK_DEMO", "false");
  }

  private String run(int expectedCode, String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8), env());
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isEqualTo(expectedCode);
    return out;
  }

  @Test
  @DisplayName("a GBK file: the usual line plus （GB18030 编码）; a UTF-8 file: the line exactly as the README shows")
  void encodingLine() throws Exception {
    String text = Files.readString(Path.of("bot-config/demo/2024-04-县直单位.csv"));
    Path gbk = dir.resolve("gbk.csv");
    Files.write(gbk, text.getBytes(Charset.forName("GBK")));

    assertThat(run(0, "import", "--period", "2024-04", "--category", "县直单位", gbk.toString()))
        .isEqualTo("已导入 40 行 (2024-04)，新增单位 0 个（GB18030 编码）\n");
    assertThat(run(0, "import", "--period", "2024-04", "--category", "县直单位",
        "bot-config/demo/2024-04-县直单位.csv")).isEqualTo("已导入 40 行 (2024-04)，新增单位 0 个\n");
  }

  @Test
  @DisplayName("an unknown unit fails the import with a suggestion; --accept-new-units imports it and names it")
  void newUnits() throws Exception {
    Path typo = dir.resolve("typo.csv");
    Files.writeString(typo, HEADER + "县水历局,450,86,19\n");

    String refused = run(1, "import", "--period", "2024-04", "--category", "县直单位", typo.toString());
    assertThat(refused).contains("第2行：单位“县水历局”不是已配置的单位，是不是“县水利局”？");

    assertThat(run(0, "import", "--period", "2024-04", "--category", "县直单位", "--accept-new-units",
        typo.toString())).isEqualTo("已导入 1 行 (2024-04)，新增单位 1 个：县水历局\n");
  }
}
