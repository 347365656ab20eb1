package io.zwgk.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  @DisplayName("a timeout naming a WeCom webhook URL loses the key but keeps the rest")
  void weComKeyMasked() {
    String text = SafeText.of(new TimeoutException("The timeout period of 2000ms has been exceeded while executing "
        + "POST /cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4 for server qyapi.weixin.qq.com:443"));

    assertThat(text).doesNotContain("693a91f6")
        .isEqualTo("The timeout period of 2000ms has been exceeded while executing "
            + "POST /cgi-bin/webhook/send?key=****** for server qyapi.weixin.qq.com:443");
  }

  @Test
  @DisplayName("DingTalk access_token, sign and session values and a Feishu hook token are masked")
  void otherCredentialsMasked() {
    String text = SafeText.redact("POST /robot/send?access_token=tok123&timestamp=1700000000000&sign=abc%2B%3D "
        + "and /robot/sendBySession?session=sess-9 and /open-apis/bot/v2/hook/0f7c-hook-id?x=1");

    assertThat(text).doesNotContain("tok123", "abc%2B", "sess-9", "0f7c-hook-id")
        .contains("access_token=******", "timestamp=1700000000000", "sign=******", "session=******",
            "/open-apis/bot/v2/hook/******?x=1");
  }

  @Test
  @DisplayName("a message without credentials is unchanged, and a cause without message gives its class name")
  void plainMessages() {
    assertThat(SafeText.of(new IllegalStateException("Response status code 503 is not between 200 and 300")))
        .isEqualTo("Response status code 503 is not between 200 and 300");
    assertThat(SafeText.of(new TimeoutException())).isEqualTo("TimeoutException");
  }
}
