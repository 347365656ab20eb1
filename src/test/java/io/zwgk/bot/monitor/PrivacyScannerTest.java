package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.monitor.PrivacyScanner.Kind;
import io.zwgk.bot.monitor.PrivacyScanner.Leak;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrivacyScannerTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 5, 6);

  private static List<Kind> kinds(String text) {
    return PrivacyScanner.find(text, TODAY).stream().map(Leak::kind).toList();
  }

  @Test
  @DisplayName("the standard's example ID numbers pass the GB 11643 check, and changing any digit fails it")
  void standardExamples() {
    for (String id : List.of("11010519491231002X", "440524188001010014", "34052419800101001X", "360722199001011238")) {
      assertThat(IdNumbers.isValidId(id, TODAY)).as(id).isTrue();
      for (int i = 0; i < 17; i++) {
        char d = id.charAt(i);
        String changed = id.substring(0, i) + (char) (d == '9' ? '8' : d + 1) + id.substring(i + 1);
        assertThat(IdNumbers.isValidId(changed, TODAY)).as(changed).isFalse();
      }
    }
    assertThat(IdNumbers.isValidId("11010519491231002x", TODAY)).isTrue();
  }

  @Test
  @DisplayName("an ID number is a leak only with a valid checksum, a real birth date and a province code")
  void idNumbers() {
    assertThat(kinds("申请人张三，身份证号360722199001011238，住大塘埠镇")).containsExactly(Kind.ID_NUMBER);
    assertThat(kinds("身份证号360722199001011235")).as("bad checksum").isEmpty();
    assertThat(kinds("身份证号360722199002301234")).as("30 February").isEmpty();
    assertThat(kinds("身份证号360722203001011234")).as("born in the future").isEmpty();
    assertThat(kinds("编号990722199001011238")).as("no such province").isEmpty();
    assertThat(kinds("3607221990010112381")).as("19 digits are no ID").doesNotContain(Kind.ID_NUMBER);
  }

  @Test
  @DisplayName("masked forms are not leaks")
  void masked() {
    assertThat(kinds("联系电话138****1234，身份证号35**************123，卡号6222 **** **** 0128")).isEmpty();
    assertThat(kinds("身份证号 360722********1238")).isEmpty();
    assertThat(kinds("电话 1381234****")).isEmpty();
  }

  @Test
  @DisplayName("mobile numbers are found plain, grouped and with +86, never inside longer numbers or landlines")
  void mobiles() {
    assertThat(kinds("联系人李四13812345678")).containsExactly(Kind.MOBILE);
    assertThat(kinds("电话：138 1234 5678")).containsExactly(Kind.MOBILE);
    assertThat(kinds("电话：+86 138-1234-5678")).containsExactly(Kind.MOBILE);
    assertThat(kinds("电话：0797—7177965、0797-7177965")).isEmpty();
    assertThat(kinds("文号 1381234567890")).isEmpty();
    assertThat(kinds("电话 12812345678")).as("no 12x mobiles").isEmpty();
  }

  @Test
  @DisplayName("bank cards pass Luhn, are 16–19 digits, and are never ID or phone numbers")
  void cards() {
    assertThat(kinds("开户行农业银行，账号6222021234567890128")).containsExactly(Kind.BANK_CARD);
    assertThat(kinds("卡号 6228 4800 1234 5671")).containsExactly(Kind.BANK_CARD);
    assertThat(kinds("卡号 4111111111111111")).containsExactly(Kind.BANK_CARD);
    assertThat(kinds("卡号 6228480012345672")).as("fails Luhn").isEmpty();
    assertThat(kinds("账号 622848001234567")).as("15 digits").isEmpty();
    assertThat(kinds("身份证 34052419800101001X 与 440524188001010014")).containsExactly(Kind.ID_NUMBER,
        Kind.ID_NUMBER);
  }

  @Test
  @DisplayName("the excerpt shows the context with every number masked and never a full number")
  void excerpt() {
    String text = "经审核，张三（身份证号360722199001011238，电话13812345678）符合条件，予以公示。";
    List<Leak> leaks = PrivacyScanner.find(text, TODAY);

    assertThat(leaks).extracting(Leak::masked).containsExactly("36*************238", "138****5678");
    String excerpt = PrivacyScanner.excerpt(text, leaks.get(0), leaks);
    assertThat(excerpt).contains("36*************238").contains("138****5678").contains("张三")
        .doesNotContain("360722199001011238").doesNotContain("13812345678");
  }

  @Test
  @DisplayName("Luhn accepts the reference numbers and rejects one-digit changes")
  void luhn() {
    assertThat(IdNumbers.luhn("79927398713")).isTrue();
    assertThat(IdNumbers.luhn("4111111111111111")).isTrue();
    assertThat(IdNumbers.luhn("79927398714")).isFalse();
    assertThat(IdNumbers.luhn("")).isFalse();
  }
}
