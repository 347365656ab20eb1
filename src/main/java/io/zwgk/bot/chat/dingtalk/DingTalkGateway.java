package io.zwgk.bot.chat.dingtalk;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.PlatformException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;

/**
 * Registers one Stream-mode robot with the DingTalk gateway ({@code POST /v1.0/gateway/connections/open}), which
 * answers with a WebSocket endpoint and a single-use ticket valid for 90 s; every (re)connection needs a new one.
 */
final class DingTalkGateway {
  static final String OPEN_PATH = "/v1.0/gateway/connections/open";
  private static final String USER_AGENT = "zwgk-bot/1.0";

  private final WebClient web;
  private final String apiBase;
  private final String clientId;
  private final String clientSecret;
  private final long timeoutMs;
  private final String localIp;

  /** A WebSocket endpoint and its ticket; the ticket is a credential and stays out of {@link #toString()}. */
  record Ticket(String endpoint, String ticket) {
    @Override
    public String toString() {
      return "Ticket[" + endpoint + "]";
    }
  }

  DingTalkGateway(WebClient web, String apiBase, String clientId, String clientSecret, Duration timeout) {
    this.web = Objects.requireNonNull(web, "web");
    this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.timeoutMs = timeout.toMillis();
    this.localIp = localIp();
  }

  long timeoutMs() {
    return timeoutMs;
  }

  /** Asks for a new endpoint and ticket, subscribed to robot messages only. */
  Future<Ticket> open() {
    JsonObject body = new JsonObject()
        .put("clientId", clientId)
        .put("clientSecret", clientSecret)
        .put("subscriptions", new JsonArray().add(new JsonObject()
            .put("type", "CALLBACK").put("topic", StreamFrame.BOT_MESSAGE_TOPIC)))
        .put("ua", USER_AGENT)
        .put("localIp", localIp);
    return web.postAbs(apiBase + OPEN_PATH)
        .timeout(timeoutMs)
        .putHeader("Content-Type", "application/json;charset=utf-8")
        .sendBuffer(body.toBuffer())
        .expecting(DingTalkApiErrors.SUCCESS)
        .compose(DingTalkGateway::ticket);
  }

  private static Future<Ticket> ticket(HttpResponse<Buffer> response) {
    JsonObject json;
    try {
      json = response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      json = null;
    }
    if (json == null || !(json.getValue("endpoint") instanceof String endpoint) || endpoint.isBlank()
        || !(json.getValue("ticket") instanceof String ticket) || ticket.isBlank()) {
      return Future.failedFuture(PlatformException.local(DingTalkApiErrors.PLATFORM,
          "gateway answer lacks endpoint or ticket"));
    }
    return Future.succeededFuture(new Ticket(endpoint, ticket));
  }

  /**
   * Where to connect for {@code ticket}: {@code endpoint?ticket=<URL-encoded ticket>}; {@code wss}/{@code https}
   * use TLS, {@code ws}/{@code http} do not.
   *
   * @throws IllegalArgumentException if the endpoint is not an absolute ws, wss, http or https URL
   */
  static WebSocketConnectOptions connectOptions(Ticket ticket, long timeoutMs) {
    URI uri = URI.create(ticket.endpoint());
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.matches("wss?|https?") || uri.getHost() == null) {
      throw new IllegalArgumentException("gateway endpoint is not a WebSocket URL: " + ticket.endpoint());
    }
    boolean tls = scheme.equals("wss") || scheme.equals("https");
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = (uri.getRawQuery() == null ? "" : uri.getRawQuery() + "&")
        + "ticket=" + URLEncoder.encode(ticket.ticket(), UTF_8);
    return new WebSocketConnectOptions()
        .setHost(uri.getHost())
        .setPort(uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80)
        .setSsl(tls)
        .setURI(path + "?" + query)
        .setConnectTimeout(timeoutMs);
  }

  private static String localIp() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return address.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      return "127.0.0.1";
    }
    return "127.0.0.1";
  }
}
