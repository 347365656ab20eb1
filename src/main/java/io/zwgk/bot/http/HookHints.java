package io.zwgk.bot.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The answer to a callback no robot receives ({@code /hooks/dingtalk} while DingTalk is not configured, a robot name
 * that {@code chat.yaml} does not declare): 404 naming the variables that enable it, instead of a bare "no such path".
 * Mount after every platform's routes, which answer first.
 */
public final class HookHints {
  private static final Map<String, String> ENABLE = Map.of(
      "dingtalk", "钉钉回调未启用：请设置 DINGTALK_APP_SECRET（应用机器人的 AppSecret；Stream 模式则设置 DINGTALK_MODE=stream、"
          + "DINGTALK_CLIENT_ID、DINGTALK_CLIENT_SECRET，不需要回调地址）",
      "wecom", "企业微信回调未启用：请设置 WECOM_TOKEN 和 WECOM_ENCODING_AES_KEY（智能机器人的 Token 和 EncodingAESKey；"
          + "长连接模式则设置 WECOM_MODE=long-connection、WECOM_BOT_ID、WECOM_BOT_SECRET）",
      "feishu", "飞书回调未启用：请设置 FEISHU_VERIFICATION_TOKEN、FEISHU_APP_ID 和 FEISHU_APP_SECRET（有 Encrypt Key 时再设置 "
          + "FEISHU_ENCRYPT_KEY）");

  private HookHints() {
  }

  /**
   * Answers every {@code POST /hooks/…} (and WeCom's {@code GET} URL check) that no platform route took; other methods
   * on a configured path still get 405.
   */
  public static void mount(Router router) {
    router.post("/hooks/*").handler(HookHints::answer);
    router.get("/hooks/wecom*").handler(HookHints::answer);
  }

  private static void answer(RoutingContext rc) {
    String[] parts = rc.normalizedPath().split("/");
    String platform = parts.length > 2 ? parts[2] : "";
    String robot = parts.length > 3 ? parts[3] : "";
    String hint = ENABLE.get(platform);
    String message = hint == null ? "没有这个回调地址：回调地址是 /hooks/dingtalk、/hooks/wecom 或 /hooks/feishu"
        : robot.isEmpty() ? hint
        : "没有名为「" + robot + "」的机器人：请在 bot-config/chat.yaml 的 robots 中声明它（platform: " + platform
            + "），并设置它的密钥变量";
    rc.fail(new ApiException(404, message));
  }
}
