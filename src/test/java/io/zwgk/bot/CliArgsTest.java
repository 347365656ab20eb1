package io.zwgk.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zwgk.bot.stats.Periods;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CliArgsTest {
  @Test
  @DisplayName("--period takes the one month rule")
  void period() {
    assertThat(CliArgs.parse(new String[] {"--period", "2024-04", "f.csv"}, 0).period())
        .isEqualTo(YearMonth.of(2024, 4));
    assertThatThrownBy(() -> CliArgs.parse(new String[] {"--period", "+10000-01", "f.csv"}, 0).period())
        .isInstanceOf(IllegalArgumentException.class).hasMessage(Periods.MESSAGE);
  }

  @Test
  @DisplayName("import with a bad --period is refused before the configuration is read or anything is started")
  void importRefusesBadPeriodFirst() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Map<String, String> brokenEnv = Map.of("ZWGK_HTTP_PORT", "not-a-port");

    assertThatThrownBy(() -> Main.run(new String[] {"import", "--period", "1999-12", "f.csv"}, out, brokenEnv))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(Periods.MESSAGE);
  }
}
