package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.zwgk.bot.monitor.Fetch.Ok;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttachmentsTest {
  private static Ok ok(String url, byte[] bytes) {
    return new Ok(url, 200, "application/octet-stream", Buffer.buffer(bytes));
  }

  @Test
  @DisplayName("txt, csv and xlsx attachments are readable; doc, pdf and pages are not")
  void readable() {
    assertThat(Attachments.readable("http://h/a/名单.XLSX")).isTrue();
    assertThat(Attachments.readable("http://h/a/b.csv?x=1")).isTrue();
    assertThat(Attachments.readable("http://h/a/b.txt")).isTrue();
    assertThat(Attachments.readable("http://h/a/b.pdf")).isFalse();
    assertThat(Attachments.readable("http://h/a/b.html")).isFalse();
  }

  @Test
  @DisplayName("every sheet of an xlsx is read, so an ID number in a 花名册 is found")
  void xlsx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook book = new Workbook(out, "test", "1.0");
    Worksheet first = book.newWorksheet("说明");
    first.value(0, 0, "补贴发放花名册");
    Worksheet second = book.newWorksheet("名单");
    second.value(0, 0, "姓名");
    second.value(0, 1, "身份证号");
    second.value(1, 0, "王五");
    second.value(1, 1, "440524188001010014");
    book.finish();

    Optional<String> text = Attachments.text(ok("http://h/a.xlsx", out.toByteArray()));

    assertThat(text).hasValueSatisfying(t -> assertThat(t).contains("补贴发放花名册", "王五", "440524188001010014"));
    assertThat(PrivacyScanner.find(text.orElseThrow(), LocalDate.of(2024, 5, 6))).hasSize(1);
  }

  @Test
  @DisplayName("an xlsx with more than 2000 zip entries is refused by the zip guard before it is read")
  void tooManyEntries() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook book = new Workbook(out, "test", "1.0");
    book.newWorksheet("名单").value(0, 0, "王五");
    book.finish();

    assertThat(Attachments.text(ok("http://h/a.xlsx", withExtraEntries(out.toByteArray(), 10))))
        .hasValueSatisfying(t -> assertThat(t).contains("王五"));
    assertThat(Attachments.text(ok("http://h/a.xlsx", withExtraEntries(out.toByteArray(), 2000)))).isEmpty();
  }

  private static byte[] withExtraEntries(byte[] zip, int extra) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
        ZipOutputStream copy = new ZipOutputStream(out)) {
      for (ZipArchiveEntry e : Collections.list(in.getEntries())) {
        copy.putNextEntry(new ZipEntry(e.getName()));
        in.getInputStream(e).transferTo(copy);
        copy.closeEntry();
      }
      for (int i = 0; i < extra; i++) {
        copy.putNextEntry(new ZipEntry("extra/" + i + ".txt"));
        copy.closeEntry();
      }
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName("GBK text is decoded; a broken zip gives no text (the crawler caps the size: SiteFetcherTest)")
  void plainAndBroken() {
    assertThat(Attachments.text(ok("http://h/a.txt", "电话13812345678".getBytes(Charset.forName("GBK")))))
        .contains("电话13812345678");
    assertThat(Attachments.text(ok("http://h/a.xlsx", "PK\3\4broken".getBytes(Charset.forName("UTF-8"))))).isEmpty();
  }
}
