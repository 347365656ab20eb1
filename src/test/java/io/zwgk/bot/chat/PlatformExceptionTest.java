package io.zwgk.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformExceptionTest {
  @ParameterizedTest(name = "{0} {1} \"{2}\" → {3}")
  @CsvSource({
    "dingtalk, 130101, 'send too fast, exceed 20 times per minute', true",
    "dingtalk, 310000, keywords not in content, false",
    "dingtalk, 45009, x, false",
    "wecom, 45009, api freq out of limit, true",
    "wecom, 130101, x, false",
    "feishu, 11232, rate control, true",
    "feishu, 9499, too many request, true",
    "feishu, 9499, Too Many Request, true",
    "feishu, 9499, Bad Request, false",
    "feishu, 19021, sign match fail, false",
    "dingtalk, -1, sessionWebhook expired, false",
    "dingtalk, 403, 'Forbidden.AccessDenied.QpsLimitForApi: 请求过于频繁', true",
    "dingtalk, 403, 'Forbidden.AccessDenied.AccessTokenPermissionDenied: 没有权限', false"
  })
  @DisplayName("throttled() is true only for each platform's own rate-limit code")
  void throttled(String platform, int code, String message, boolean expected) {
    assertThat(new PlatformException(platform, code, message).throttled()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} \"{2}\" → {3}")
  @CsvSource({
    "feishu, 99991663, Invalid access token for authorization., true",
    "feishu, 99991668, access token expired, true",
    "feishu, 99991400, request trigger frequency limit, false",
    "wecom, 42001, access_token expired, true",
    "wecom, 40014, invalid access_token, true",
    "wecom, 93000, invalid webhook url, false",
    "dingtalk, 40014, 不合法的access_token, true",
    "dingtalk, 42001, access_token expired, true",
    "dingtalk, 401, 'InvalidAuthentication: 不合法的access_token', true",
    "dingtalk, 310000, sign not match, false",
    "feishu, 42001, x, false"
  })
  @DisplayName("tokenRejected() is true only for each platform's own invalid/expired access token codes")
  void tokenRejected(String platform, int code, String message, boolean expected) {
    assertThat(PlatformException.answered(platform, code, message).tokenRejected()).isEqualTo(expected);
  }

  @Test
  @DisplayName("the exception keeps the platform message apart and names platform and code in getMessage")
  void messages() {
    PlatformException e = new PlatformException("wecom", 93000, "invalid webhook url");

    assertThat(e.message()).isEqualTo("invalid webhook url");
    assertThat(e.getMessage()).isEqualTo("wecom error 93000: invalid webhook url");
  }

  @ParameterizedTest(name = "{0} answered {1} → permanent {2}")
  @CsvSource({
    "wecom, -1, false",
    "dingtalk, -1, false",
    "wecom, 93000, true",
    "dingtalk, 310000, true",
    "dingtalk, 503, false"
  })
  @DisplayName("a platform's own 'system busy' (-1) is retried; its configuration errors are not")
  void answeredCodes(String platform, int code, boolean permanent) {
    assertThat(PlatformException.answered(platform, code, "系统繁忙").permanent()).isEqualTo(permanent);
  }

  @Test
  @DisplayName("a local failure (-1: nothing to reply through, no such group) is permanent")
  void localFailureIsPermanent() {
    assertThat(new PlatformException("wecom", -1, "response_url expired").permanent()).isTrue();
  }

  @Test
  @DisplayName("DingTalk's OpenAPI QPS limit (403) rests the robot instead of dead-lettering the message")
  void dingTalkQpsLimitIsNotPermanent() {
    PlatformException e = PlatformException.answered("dingtalk", 403,
        "Forbidden.AccessDenied.QpsLimitForApi: 请求过于频繁");

    assertThat(e.throttled()).isTrue();
    assertThat(e.permanent()).isFalse();
  }
}
