package io.zwgk.bot.chat.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.chat.PlatformException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeishuApiErrorsTest {
  @ParameterizedTest(name = "{0} \"{1}\" → {2}")
  @CsvSource({
    "11232, rate control, true",
    "9499, too many request, true",
    "9499, Too Many Request, true",
    "9499, Bad Request, false",
    "19021, sign match fail, false"
  })
  @DisplayName("throttled: 11232, 99991400, 429, and 9499 when it says too many request")
  void throttled(int code, String message, boolean expected) {
    assertThat(new PlatformException(FeishuApiErrors.TABLE, code, message).throttled()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} \"{1}\" → {2}")
  @CsvSource({
    "99991663, Invalid access token for authorization., true",
    "99991668, access token expired, true",
    "99991400, request trigger frequency limit, false",
    "42001, x, false"
  })
  @DisplayName("token rejected: 99991663 and 99991668")
  void tokenRejected(int code, String message, boolean expected) {
    assertThat(PlatformException.answered(FeishuApiErrors.TABLE, code, message).tokenRejected()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "answered {0} \"{1}\" → permanent {2}")
  @CsvSource({"19021, sign match fail, true", "9499, Bad Request, true", "9499, too many request, false"})
  @DisplayName("sign, IP, keyword and bad-request codes are permanent; 9499 'too many request' is not")
  void permanent(int code, String message, boolean permanent) {
    assertThat(PlatformException.answered(FeishuApiErrors.TABLE, code, message).permanent()).isEqualTo(permanent);
  }
}
