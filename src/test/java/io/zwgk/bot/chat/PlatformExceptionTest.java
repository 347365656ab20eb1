package io.zwgk.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The platform-neutral part of {@link PlatformException}; each platform's codes are tested in its own package. */
class PlatformExceptionTest {
  /** A platform whose 1 means "too fast", 2 "token rejected" and 3 "permanent". */
  private static final PlatformErrors TABLE = new PlatformErrors() {
    @Override
    public String platform() {
      return "example";
    }

    @Override
    public boolean throttled(int code, String message) {
      return code == 1;
    }

    @Override
    public boolean tokenRejected(int code, String message) {
      return code == 2;
    }

    @Override
    public boolean permanent(int code, String message) {
      return code == 3;
    }
  };

  @ParameterizedTest(name = "{0} → throttled {1}, token rejected {2}, permanent {3}")
  @CsvSource({
    "1, true, false, false",
    "2, false, true, false",
    "3, false, false, true",
    "4, false, false, false"
  })
  @DisplayName("what a code means comes from the platform's table")
  void classifiedByTable(int code, boolean throttled, boolean tokenRejected, boolean permanent) {
    PlatformException e = PlatformException.answered(TABLE, code, "x");

    assertThat(e.platform()).isEqualTo("example");
    assertThat(e.throttled()).isEqualTo(throttled);
    assertThat(e.tokenRejected()).isEqualTo(tokenRejected);
    assertThat(e.permanent()).isEqualTo(permanent);
  }

  @Test
  @DisplayName("the exception keeps the platform message apart and names platform and code in getMessage")
  void messages() {
    PlatformException e = new PlatformException(TABLE, 93000, "invalid webhook url");

    assertThat(e.message()).isEqualTo("invalid webhook url");
    assertThat(e.getMessage()).isEqualTo("example error 93000: invalid webhook url");
  }

  @Test
  @DisplayName("a platform's own 'system busy' (-1) is retried")
  void answeredMinusOneIsRetried() {
    assertThat(PlatformException.answered(TABLE, -1, "系统繁忙").permanent()).isFalse();
  }

  @Test
  @DisplayName("a local failure (-1: nothing to reply through, no such group) is permanent and never throttled")
  void localFailureIsPermanent() {
    PlatformException e = PlatformException.local("wecom", "response_url expired");

    assertThat(e.permanent()).isTrue();
    assertThat(e.throttled()).isFalse();
    assertThat(e.tokenRejected()).isFalse();
    assertThat(e.getMessage()).isEqualTo("wecom error -1: response_url expired");
  }
}
