package io.zwgk.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FileFetchTest {
  private final Vertx vertx = Vertx.vertx();
  private final FileFetch fetch = new FileFetch(vertx, ReplyOrigins.of(List.of("http://127.0.0.1:8089")),
      List.of("dingtalk.com"), Duration.ofSeconds(1));

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("files come only from https hosts of the platform's domains or the exact configured origins")
  void hosts() {
    assertThat(fetch.allows("https://down.dingtalk.com/f?sig=1")).isTrue();
    assertThat(fetch.allows("https://dingtalk.com/f")).isTrue();
    assertThat(fetch.allows("http://127.0.0.1:8089/files/x")).isTrue();
    assertThat(fetch.allows("http://down.dingtalk.com/f")).as("plain http").isFalse();
    assertThat(fetch.allows("https://dingtalk.com.e.vil/f")).isFalse();
    assertThat(fetch.allows("https://evildingtalk.com/f")).isFalse();
    assertThat(fetch.allows("https://user@down.dingtalk.com/f")).isFalse();
    assertThat(fetch.allows("http://127.0.0.1:8090/files/x")).isFalse();
    assertThat(fetch.allows("not a url")).isFalse();
  }

  @Test
  @DisplayName("a URL that is not allowed fails without a request")
  void refused() {
    assertThat(fetch.get("https://e.vil/x", io.vertx.core.MultiMap.caseInsensitiveMultiMap(), 10)
        .toCompletionStage().toCompletableFuture()).isCompletedExceptionally();
  }
}
