package io.zwgk.bot.testing;

import io.vertx.core.Vertx;
import io.zwgk.bot.App;
import io.zwgk.bot.Configuration;
import io.zwgk.bot.chat.DeliveryPolicy;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.TestRedis;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The real service, started for an integration test: the repository's bot-config, the suite's own Redis (flushed
 * first), port 0, demo data loaded, an admin token and a DingTalk app secret known to the test.
 */
public final class TestApp implements AutoCloseable {
  public static final String ADMIN_TOKEN = "test-admin-token";
  public static final String DINGTALK_SECRET = "appSecretForTest";

  public final Vertx vertx;
  public final App app;

  private TestApp(Vertx vertx, App app) {
    this.vertx = vertx;
    this.app = app;
  }

  public static TestApp start(Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>(Map.of(
        "ZWGK_HTTP_PORT", "0",
        "ZWGK_HTTP_HOST", "127.0.0.1",
        "ZWGK_CONFIG_DIR", "bot-config",
        "ZWGK_DATA_DIR", "target/test-data",
        "ZWGK_ADMIN_TOKEN", ADMIN_TOKEN,
        "DINGTALK_APP_SECRET", DINGTALK_SECRET,
        "ZWGK_OUTBOUND_TIMEOUT_MS", "2000"));
    env.putAll(extraEnv);
    Configuration config = Configuration.load(env);
    TestRedis.flush();
    Vertx vertx = Vertx.vertx();
    App app = App.start(vertx, config, RedisServerExtension.uri(), Clock.system(config.settings().zone()),
        DeliveryPolicy.defaults()).await();
    return new TestApp(vertx, app);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  @Override
  public void close() {
    app.stop().await();
    vertx.close().await();
  }

}
