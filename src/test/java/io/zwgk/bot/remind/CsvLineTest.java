package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvLineTest {
  @Test
  @DisplayName("quoted fields keep their commas and doubled quotes; fields are stripped; an open quote is refused")
  void fields() {
    assertThat(CsvLine.split("2024-05-01, Wed ,off,\"劳动节,五一\",2024,\"说\"\"明\"")).contains(
        List.of("2024-05-01", "Wed", "off", "劳动节,五一", "2024", "说\"明"));
    assertThat(CsvLine.split("a,,b,")).contains(List.of("a", "", "b", ""));
    assertThat(CsvLine.split("a,\"b")).isEmpty();
  }
}
