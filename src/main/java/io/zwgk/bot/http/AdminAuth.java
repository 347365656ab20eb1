package io.zwgk.bot.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards the admin API with {@code Authorization: Bearer <ZWGK_ADMIN_TOKEN>}, compared in constant time. Without a
 * configured token the admin API is switched off and says how to switch it on. It is a security-policy handler so
 * it runs before the body handler: an unauthenticated upload is refused before any of it is buffered.
 */
public final class AdminAuth implements SecurityPolicyHandler {
  private final Optional<byte[]> token;

  /** @param token the configured admin token, empty when not set */
  public AdminAuth(Optional<String> token) {
    this.token = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void handle(RoutingContext rc) {
    refusal(rc).ifPresentOrElse(rc::fail, rc::next);
  }

  /** Why the request may not use the admin API (503 switched off, 401 missing or wrong token); empty when it may. */
  public Optional<ApiException> refusal(RoutingContext rc) {
    if (token.isEmpty()) {
      return Optional.of(new ApiException(503, "管理接口未启用：请设置环境变量 ZWGK_ADMIN_TOKEN 后重启服务 "
          + "(admin API disabled: set ZWGK_ADMIN_TOKEN and restart)"));
    }
    String header = rc.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(new ApiException(401, "缺少管理令牌 (missing bearer token)"));
    }
    byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(presented, token.get())) {
      return Optional.of(new ApiException(401, "管理令牌不正确 (wrong admin token)"));
    }
    return Optional.empty();
  }
}
