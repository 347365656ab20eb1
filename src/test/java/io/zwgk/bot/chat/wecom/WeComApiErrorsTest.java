package io.zwgk.bot.chat.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.chat.PlatformException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeComApiErrorsTest {
  @ParameterizedTest(name = "{0} \"{1}\" → {2}")
  @CsvSource({"45009, api freq out of limit, true", "130101, x, false"})
  @DisplayName("throttled: 45009 only")
  void throttled(int code, String message, boolean expected) {
    assertThat(new PlatformException(WeComApiErrors.TABLE, code, message).throttled()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} \"{1}\" → {2}")
  @CsvSource({"42001, access_token expired, true", "40014, invalid access_token, true",
    "93000, invalid webhook url, false"})
  @DisplayName("token rejected: 42001 and 40014")
  void tokenRejected(int code, String message, boolean expected) {
    assertThat(PlatformException.answered(WeComApiErrors.TABLE, code, message).tokenRejected()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "answered {0} → permanent {1}")
  @CsvSource({"-1, false", "93000, true", "45009, false"})
  @DisplayName("its own 'system busy' (-1) is retried; an invalid webhook url is not")
  void answeredCodes(int code, boolean permanent) {
    assertThat(PlatformException.answered(WeComApiErrors.TABLE, code, "系统繁忙").permanent()).isEqualTo(permanent);
  }
}
