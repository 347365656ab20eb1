package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodsTest {
  @Test
  @DisplayName("YYYY-MM with a year from 2000 to 2100 reads")
  void reads() {
    assertThat(Periods.parse("2024-04")).isEqualTo(YearMonth.of(2024, 4));
    assertThat(Periods.parse("2000-01")).isEqualTo(YearMonth.of(2000, 1));
    assertThat(Periods.parse("2100-12")).isEqualTo(YearMonth.of(2100, 12));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+10000-01", "10000-01", "1999-12", "2101-01", "2024-13", "2024-00", "2024-4", "24-04",
      " 2024-04", "2024-04 ", "2024/04", "２０２４-04", "", "junk"})
  @DisplayName("anything else is refused with the one message")
  void refuses(String text) {
    assertThat(Periods.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> Periods.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(Periods.MESSAGE);
  }

  @Test
  @DisplayName("null is refused too")
  void refusesNull() {
    assertThat(Periods.tryParse(null)).isEmpty();
  }
}
