package io.zwgk.bot.chat.dingtalk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DingTalkSignatureTest {
  private static final String SECRET = "this is secret";
  private static final String APP_SECRET = "appSecretForTest";
  private static final String CALLBACK_TS = "1577262236757";
  private static final String CALLBACK_SIGN = "VXeMB0DdQCoYduOoS8xZVAbcZHBkNwqr/ieeXZYuIVA=";
  private static final Instant CALLBACK_NOW = Instant.ofEpochMilli(1577262236757L);

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
    "1700000000000, this is secret, sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0=",
    "1700000000001, this is secret, aOZ0Y/R7BCg4xs87AcG5MYf26YmwfVRTLD0z3X+p/mM=",
    "1700000000000, SEC0123456789abcdef, TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=",
    "1577262236757, appSecretForTest, VXeMB0DdQCoYduOoS8xZVAbcZHBkNwqr/ieeXZYuIVA="
  })
  @DisplayName("sign gives the raw Base64 of the platforms.md §6.4 vectors")
  void signMatchesVectors(long timestamp, String secret, String expected) {
    assertThat(DingTalkSignature.sign(timestamp, secret)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({
    "1700000000000, this is secret, sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0%3D",
    "1700000000001, this is secret, aOZ0Y%2FR7BCg4xs87AcG5MYf26YmwfVRTLD0z3X%2Bp%2FmM%3D",
    "1700000000000, SEC0123456789abcdef, TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D"
  })
  @DisplayName("signQuery carries the timestamp and the sign URL-encoded exactly once")
  void signQueryMatchesVectors(long timestamp, String secret, String encodedSign) {
    assertThat(DingTalkSignature.signQuery(timestamp, secret))
        .isEqualTo("timestamp=" + timestamp + "&sign=" + encodedSign);
  }

  @Test
  @DisplayName("a sign containing '+' and '/' is escaped once: no raw '+', '/' or '=', and no double '%25' escapes")
  void plusAndSlashAreEncodedOnce() {
    String query = DingTalkSignature.signQuery(1700000000001L, SECRET);
    String value = query.substring(query.indexOf("&sign=") + "&sign=".length());

    assertThat(value).doesNotContain("+", "/", "=", "%25");
    assertThat(value).isNotEqualTo("aOZ0Y%252FR7BCg4xs87AcG5MYf26YmwfVRTLD0z3X%252Bp%252FmM%253D");
    assertThat(URLDecoder.decode(value, UTF_8)).isEqualTo("aOZ0Y/R7BCg4xs87AcG5MYf26YmwfVRTLD0z3X+p/mM=");
  }

  @Test
  @DisplayName("the callback vector verifies at its own timestamp")
  void callbackVectorVerifies() {
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, CALLBACK_SIGN, APP_SECRET, CALLBACK_NOW)).isTrue();
  }

  @Test
  @DisplayName("a callback exactly one hour old or one hour ahead still verifies")
  void oneHourSkewIsAccepted() {
    Duration hour = Duration.ofHours(1);
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, CALLBACK_SIGN, APP_SECRET, CALLBACK_NOW.plus(hour)))
        .isTrue();
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, CALLBACK_SIGN, APP_SECRET, CALLBACK_NOW.minus(hour)))
        .isTrue();
  }

  @Test
  @DisplayName("a callback more than one hour old or ahead is rejected even with a correct sign")
  void beyondOneHourIsRejected() {
    Duration justOver = Duration.ofHours(1).plusMillis(1);
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, CALLBACK_SIGN, APP_SECRET, CALLBACK_NOW.plus(justOver)))
        .isFalse();
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, CALLBACK_SIGN, APP_SECRET, CALLBACK_NOW.minus(justOver)))
        .isFalse();
  }

  @Test
  @DisplayName("a URL-encoded callback sign is rejected: the inbound header is raw Base64")
  void urlEncodedCallbackSignIsRejected() {
    String encoded = URLEncoder.encode(CALLBACK_SIGN, UTF_8);
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, encoded, APP_SECRET, CALLBACK_NOW)).isFalse();
  }

  @Test
  @DisplayName("a callback signed with another secret, for another timestamp, or with one changed character is rejected")
  void wrongSignIsRejected() {
    String otherTs = "1577262236758";
    String tampered = "W" + CALLBACK_SIGN.substring(1);
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, CALLBACK_SIGN, "otherSecret", CALLBACK_NOW)).isFalse();
    assertThat(DingTalkSignature.verifyCallback(otherTs, CALLBACK_SIGN, APP_SECRET, CALLBACK_NOW)).isFalse();
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, tampered, APP_SECRET, CALLBACK_NOW)).isFalse();
  }

  @ParameterizedTest(name = "timestamp header [{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {" 1577262236757", "1577262236757.0", "abc", "0x5E03", "99999999999999999999",
      "-9223372036854775808", "9223372036854775807"})
  @DisplayName("a missing, non-numeric, overflowing or absurd timestamp header is rejected without throwing")
  void badTimestampIsRejected(String timestamp) {
    assertThat(DingTalkSignature.verifyCallback(timestamp, CALLBACK_SIGN, APP_SECRET, CALLBACK_NOW)).isFalse();
  }

  @ParameterizedTest(name = "sign header [{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"not base64 at all", "VXeMB0DdQCoYduOoS8xZVAbcZHBkNwqr/ieeXZYuIVA"})
  @DisplayName("a missing, empty or truncated sign header is rejected without throwing")
  void badSignIsRejected(String sign) {
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, sign, APP_SECRET, CALLBACK_NOW)).isFalse();
  }

  @ParameterizedTest(name = "secret [{0}]")
  @NullAndEmptySource
  @DisplayName("a missing app secret never verifies and does not throw")
  void missingSecretIsRejected(String secret) {
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, CALLBACK_SIGN, secret, CALLBACK_NOW)).isFalse();
  }

  @Test
  @DisplayName("a missing clock never verifies and does not throw")
  void missingNowIsRejected() {
    assertThat(DingTalkSignature.verifyCallback(CALLBACK_TS, CALLBACK_SIGN, APP_SECRET, null)).isFalse();
  }

  @Test
  @DisplayName("signing with an empty secret is a programming error and throws")
  void signRejectsEmptySecret() {
    assertThatThrownBy(() -> DingTalkSignature.sign(1L, "")).isInstanceOf(IllegalArgumentException.class);
  }
}
