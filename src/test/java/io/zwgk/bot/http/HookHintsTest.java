package io.zwgk.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HookHintsTest {
  private final Vertx vertx = Vertx.vertx();
  private WebClient client;
  private int port;

  @BeforeEach
  void start() {
    port = HttpVerticle.deploy(vertx, v -> {
      Router router = Router.router(v);
      ErrorMapping.install(router);
      router.post("/hooks/dingtalk").handler(rc -> rc.response().end("configured"));
      HookHints.mount(router);
      return router;
    }, "127.0.0.1", 0, 1).await().port();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private HttpResponse<Buffer> call(HttpMethod method, String path) {
    return client.request(method, port, "127.0.0.1", path).send().await();
  }

  @Test
  @DisplayName("a callback to an unconfigured platform answers 404 naming the variables that enable it")
  void unconfiguredPlatformNamesItsVariables() {
    HttpResponse<Buffer> wecom = call(HttpMethod.POST, "/hooks/wecom");
    assertThat(wecom.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(wecom.bodyAsString()).getString("message")).contains("WECOM_TOKEN",
        "WECOM_ENCODING_AES_KEY");
    assertThat(call(HttpMethod.GET, "/hooks/wecom?echostr=x").bodyAsString()).contains("WECOM_TOKEN");
    assertThat(call(HttpMethod.POST, "/hooks/feishu").bodyAsString()).contains("FEISHU_VERIFICATION_TOKEN");
    assertThat(call(HttpMethod.POST, "/hooks/dingtalk/county").bodyAsString()).contains("county", "chat.yaml");
  }

  @Test
  @DisplayName("a configured callback answers as before, and a wrong method on it is still 405")
  void configuredPathsUnchanged() {
    assertThat(call(HttpMethod.POST, "/hooks/dingtalk").bodyAsString()).isEqualTo("configured");
    assertThat(call(HttpMethod.GET, "/hooks/dingtalk").statusCode()).isEqualTo(405);
    assertThat(call(HttpMethod.POST, "/hooks/other").bodyAsString()).contains("/hooks/dingtalk");
  }
}
