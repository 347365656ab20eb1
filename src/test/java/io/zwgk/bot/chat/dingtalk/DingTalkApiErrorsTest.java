package io.zwgk.bot.chat.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.chat.PlatformException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DingTalkApiErrorsTest {
  @ParameterizedTest(name = "{0} \"{1}\" → {2}")
  @CsvSource({
    "130101, 'send too fast, exceed 20 times per minute', true",
    "310000, keywords not in content, false",
    "45009, x, false",
    "-1, sessionWebhook expired, false",
    "403, 'Forbidden.AccessDenied.QpsLimitForApi: 请求过于频繁', true",
    "403, 'Forbidden.AccessDenied.AccessTokenPermissionDenied: 没有权限', false"
  })
  @DisplayName("throttled: 130101, HTTP 429 and the OpenAPI QPS limit")
  void throttled(int code, String message, boolean expected) {
    assertThat(new PlatformException(DingTalkApiErrors.TABLE, code, message).throttled()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} \"{1}\" → {2}")
  @CsvSource({
    "40014, 不合法的access_token, true",
    "42001, access_token expired, true",
    "401, 'InvalidAuthentication: 不合法的access_token', true",
    "310000, sign not match, false"
  })
  @DisplayName("token rejected: 40014, 42001 and InvalidAuthentication")
  void tokenRejected(int code, String message, boolean expected) {
    assertThat(PlatformException.answered(DingTalkApiErrors.TABLE, code, message).tokenRejected())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "answered {0} → permanent {1}")
  @CsvSource({"-1, false", "310000, true", "503, false"})
  @DisplayName("its own 'system busy' (-1) is retried; its configuration errors are not")
  void answeredCodes(int code, boolean permanent) {
    assertThat(PlatformException.answered(DingTalkApiErrors.TABLE, code, "系统繁忙").permanent()).isEqualTo(permanent);
  }

  @Test
  @DisplayName("the OpenAPI QPS limit (403) rests the robot instead of dead-lettering the message")
  void qpsLimitIsNotPermanent() {
    PlatformException e = PlatformException.answered(DingTalkApiErrors.TABLE, 403,
        "Forbidden.AccessDenied.QpsLimitForApi: 请求过于频繁");

    assertThat(e.throttled()).isTrue();
    assertThat(e.permanent()).isFalse();
  }
}
