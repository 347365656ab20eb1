package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zwgk.bot.stats.ZipGuard.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ZipGuardTest {
  private static final long ONE_MB = 1024 * 1024;

  private static byte[] entries(int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < count; i++) {
        zip.putNextEntry(new ZipEntry("part" + i + ".xml"));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName("a real workbook passes; an archive inflating one byte past the budget is too large")
  void budget() {
    assertThat(ZipGuard.inspect(Fixtures.xlsx(List.of(List.of("单位名称"))), ONE_MB, 10)).isEqualTo(Verdict.OK);
    byte[] twoMegabytes = StatsImportParserErrorsTest.zipOfZeros("xl/sharedStrings.xml", 2);

    assertThat(ZipGuard.inspect(twoMegabytes, 2 * ONE_MB, 10)).isEqualTo(Verdict.OK);
    assertThat(ZipGuard.inspect(twoMegabytes, 2 * ONE_MB - 1, 10)).isEqualTo(Verdict.TOO_LARGE);
  }

  @Test
  @DisplayName("the budget is shared by all entries, and one entry more than allowed is refused")
  void entries() {
    assertThat(ZipGuard.inspect(entries(5), 20, 5)).isEqualTo(Verdict.OK);
    assertThat(ZipGuard.inspect(entries(5), 19, 5)).isEqualTo(Verdict.TOO_LARGE);
    assertThat(ZipGuard.inspect(entries(6), ONE_MB, 5)).isEqualTo(Verdict.TOO_MANY_ENTRIES);
  }

  @Test
  @DisplayName("bytes that are not a zip archive are unreadable")
  void unreadable() {
    assertThat(ZipGuard.inspect("PK\3\4broken".getBytes(StandardCharsets.UTF_8), ONE_MB, 10))
        .isEqualTo(Verdict.UNREADABLE);
    assertThat(ZipGuard.inspect(new byte[0], ONE_MB, 10)).isEqualTo(Verdict.UNREADABLE);
  }

  @Test
  @DisplayName("the statistics import words each refusal for the uploader")
  void importMessages() {
    assertThatThrownBy(() -> ZipGuard.check(entries(ImportLimits.MAX_XLSX_ENTRIES + 1), ONE_MB))
        .isInstanceOfSatisfying(TableException.class,
            e -> assertThat(e.problem()).isEqualTo(new RowProblem(0, "xlsx文件内部条目过多，拒绝处理")));
    assertThatThrownBy(() -> ZipGuard.check("PK\3\4broken".getBytes(StandardCharsets.UTF_8), ONE_MB))
        .isInstanceOfSatisfying(TableException.class,
            e -> assertThat(e.problem()).isEqualTo(XlsxTableReader.unreadable().problem()));
  }
}
