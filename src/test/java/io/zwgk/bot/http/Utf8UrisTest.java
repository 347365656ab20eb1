package io.zwgk.bot.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Utf8UrisTest {
  private final Vertx vertx = Vertx.vertx();
  private int port;

  @BeforeEach
  void start() {
    port = HttpVerticle.deploy(vertx, v -> {
      Router router = Router.router(v);
      ErrorMapping.install(router);
      Utf8Uris.install(router);
      router.get("/units/:name").handler(rc -> rc.response().end(rc.pathParam("name") + "|"
          + rc.queryParams().get("category")));
      return router;
    }, "127.0.0.1", 0, 1).await().port();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** Sends the request line as raw bytes, as curl does with Chinese in a URL, and returns the body of the answer. */
  private String rawGet(byte[] target) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("GET ".getBytes(UTF_8));
      out.write(target);
      out.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), UTF_8);
      return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
  }

  @Test
  @DisplayName("raw UTF-8 in the path and the query reads as typed, like its percent-encoded form")
  void rawUtf8() throws IOException {
    assertThat(rawGet("/units/县水利局?category=县直单位".getBytes(UTF_8))).isEqualTo("县水利局|县直单位");
    assertThat(rawGet("/units/%E5%8E%BF%E6%B0%B4%E5%88%A9%E5%B1%80?category=%E4%B9%A1%E9%95%87".getBytes(UTF_8)))
        .isEqualTo("县水利局|乡镇");
  }

  @Test
  @DisplayName("bytes that are not UTF-8 are left as they came; plain ASCII is not re-routed")
  void otherBytes() {
    assertThat(Utf8Uris.percentEncoded("/a?b=c")).isEmpty();
    assertThat(Utf8Uris.percentEncoded(new String(new byte[] {'/', (byte) 0xC3}, java.nio.charset.StandardCharsets.ISO_8859_1)))
        .isEmpty();
    assertThat(Utf8Uris.percentEncoded(new String("/县?x=乡".getBytes(UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1)))
        .contains("/%E5%8E%BF?x=%E4%B9%A1");
  }
}
