package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.ChatPlatform;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.chat.FileDownloader;
import io.zwgk.bot.chat.FileFetch;
import io.zwgk.bot.chat.GroupSender;
import io.zwgk.bot.chat.InboundPipeline;
import io.zwgk.bot.chat.ReplyChannel;
import io.zwgk.bot.chat.SendLimits;
import io.zwgk.bot.chat.ReplyOrigins;
import io.zwgk.bot.config.RobotConfig;
import io.zwgk.bot.config.RobotMode;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.store.RateLimitStore.Limit;
import io.zwgk.bot.ops.ReconnectBackoff;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DingTalk (钉钉): app robots in HTTP mode at {@code /hooks/dingtalk[/{robot}]}, each verified with its own
 * {@code appSecret}; Stream-mode robots ({@code clientId}, {@code clientSecret}) over one WebSocket each; replies via
 * {@code sessionWebhook}, falling back to the receiving robot's OpenAPI; group sends via custom-robot webhooks or the
 * OpenAPI.
 */
public final class DingTalkPlatform implements ChatPlatform {
  /** The callback path of the {@code default} robot; other robots answer below it. */
  public static final String HOOK_PATH = "/hooks/dingtalk";
  /** 20 messages a minute per robot; going over throttles the robot for 10 minutes (130101; platforms.md §1.1). */
  static final SendLimits SEND_LIMITS = new SendLimits(List.of(new Limit(Duration.ofMinutes(1), 20)),
      Duration.ofMinutes(10));
  static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

  private final WebClient web;
  private final Settings settings;
  private final List<RobotConfig> robots;
  private final Clock clock;
  private final Duration timeout;
  private final DingTalkReplies replies;
  private final DingTalkGroupSender groups;
  private final DingTalkFileDownloader files;
  private final ReconnectBackoff backoff;

  /** @param robots this platform's robots (others are ignored) */
  public DingTalkPlatform(Vertx vertx, WebClient web, Settings settings, List<RobotConfig> robots, Clock clock) {
    this(vertx, web, settings, robots, clock, ReconnectBackoff.DEFAULT);
  }

  DingTalkPlatform(Vertx vertx, WebClient web, Settings settings, List<RobotConfig> robots, Clock clock,
      ReconnectBackoff backoff) {
    this.web = web;
    this.settings = settings;
    this.robots = robots.stream().filter(r -> r.platform().equals(name())).toList();
    this.clock = clock;
    this.timeout = Duration.ofMillis(settings.outboundTimeoutMs());
    this.backoff = backoff;
    Map<String, DingTalkOpenApiClient> openApi = openApiClients(vertx);
    List<String> origins = new ArrayList<>(DingTalkReplies.DINGTALK_ORIGINS);
    origins.add(settings.dingtalkApiBase());
    this.replies = new DingTalkReplies(new DingTalkReplyClient(web, timeout), openApi, clock,
        ReplyOrigins.of(origins));
    this.groups = new DingTalkGroupSender(web, timeout, openApi, clock);
    this.files = new DingTalkFileDownloader(openApi, new FileFetch(vertx, ReplyOrigins.of(List.of(
        settings.dingtalkApiBase())), DingTalkFileDownloader.FILE_DOMAINS, timeout));
  }

  private Map<String, DingTalkOpenApiClient> openApiClients(Vertx vertx) {
    Map<String, DingTalkOpenApiClient> clients = new LinkedHashMap<>();
    for (RobotConfig robot : robots) {
      if (robot.credential("clientId").isPresent() && robot.credential("clientSecret").isPresent()) {
        clients.put(robot.name(), new DingTalkOpenApiClient(vertx, web, settings.dingtalkApiBase(),
            robot.required("clientId"), robot.required("clientSecret"), timeout, clock));
      }
    }
    return clients;
  }

  @Override
  public String name() {
    return DingTalkApiErrors.PLATFORM;
  }

  @Override
  public void mount(Router router, ChatService chat) {
    InboundPipeline pipeline = new InboundPipeline(chat);
    for (RobotConfig robot : robots) {
      if (robot.mode() == RobotMode.WEBHOOK) {
        String path = robot.name().equals(RobotConfig.DEFAULT) ? HOOK_PATH : HOOK_PATH + "/" + robot.name();
        DingTalkWebhook.mount(router, path, robot.name(), robot.required("appSecret"), DingTalkRobotIds.of(robot),
            pipeline, clock);
      }
    }
  }

  @Override
  public List<Deployable> connections(ChatService chat) {
    InboundPipeline pipeline = new InboundPipeline(chat);
    return robots.stream()
        .filter(r -> r.mode() == RobotMode.STREAM)
        .<Deployable>map(r -> new DingTalkStreamVerticle(new DingTalkGateway(web, settings.dingtalkApiBase(),
            r.required("clientId"), r.required("clientSecret"), timeout), r.name(), DingTalkRobotIds.of(r),
            pipeline, backoff, KEEP_ALIVE))
        .toList();
  }

  @Override
  public ReplyChannel replies() {
    return replies;
  }

  @Override
  public GroupSender groups() {
    return groups;
  }

  @Override
  public FileDownloader files() {
    return files;
  }

  @Override
  public SendLimits sendLimits() {
    return SEND_LIMITS;
  }
}
