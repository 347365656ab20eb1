package io.zwgk.bot.chat.feishu;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.ChatPlatform;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.chat.FileDownloader;
import io.zwgk.bot.chat.FileFetch;
import io.zwgk.bot.chat.GroupSender;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.InboundPipeline;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.chat.ReplyChannel;
import io.zwgk.bot.chat.ReplyOrigins;
import io.zwgk.bot.chat.SendLimits;
import io.zwgk.bot.config.ConfigException;
import io.zwgk.bot.config.RobotConfig;
import io.zwgk.bot.config.RobotMode;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.store.RateLimitStore.Limit;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feishu/Lark: event subscription v2.0 in webhook mode ({@code /hooks/feishu[/{robot}]}), replies through the im/v1
 * reply API with each robot's app credentials, and group sends through custom bots or the send API.
 *
 * <p>Only webhook mode is supported. Feishu's long connection speaks a protobuf-framed protocol that Feishu documents
 * only through its SDKs; rather than start half-configured, construction fails with a {@link ConfigException} for a
 * {@code long-connection} robot, and also for a robot without App ID and App Secret, which could receive but never
 * answer.
 */
public final class FeishuPlatform implements ChatPlatform {
  private static final String NAME = "feishu";
  /** 5 messages a second and 100 a minute per robot (9499, 11232; platforms.md §0). */
  static final SendLimits SEND_LIMITS = new SendLimits(List.of(new Limit(Duration.ofSeconds(1), 5),
      new Limit(Duration.ofMinutes(1), 100)), Duration.ofMinutes(1));

  private final Clock clock;
  private final List<RobotConfig> robots;
  private final Map<String, FeishuApiClient> apps = new LinkedHashMap<>();
  private final FeishuGroupSender groups;
  private final FeishuFileDownloader files;

  /**
   * @param vertx for the HTTP client of file downloads
   * @param robots this platform's robots only
   * @throws ConfigException if a robot is in long-connection mode or lacks App ID/App Secret
   */
  public FeishuPlatform(Vertx vertx, WebClient web, Settings settings, List<RobotConfig> robots, Clock clock) {
    this.clock = clock;
    this.robots = List.copyOf(robots);
    check(this.robots);
    for (RobotConfig robot : this.robots) {
      apps.put(robot.name(), new FeishuApiClient(web, settings.feishuApiBase(), robot.required("appId"),
          robot.required("appSecret"), settings.outboundTimeoutMs(), clock));
    }
    this.groups = new FeishuGroupSender(web, settings.feishuApiBase(), settings.outboundTimeoutMs(), clock,
        name -> Optional.ofNullable(apps.get(name)));
    this.files = new FeishuFileDownloader(settings.feishuApiBase(), apps::get, new FileFetch(vertx,
        ReplyOrigins.of(List.of(settings.feishuApiBase())), FeishuFileDownloader.FILE_DOMAINS,
        Duration.ofMillis(settings.outboundTimeoutMs())));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void mount(Router router, ChatService chat) {
    InboundPipeline pipeline = new InboundPipeline(chat);
    for (RobotConfig robot : robots) {
      new FeishuWebhook(robot, pipeline, clock).mount(router, path(robot));
    }
  }

  /** None: every Feishu robot is a webhook robot (long connection is refused at construction). */
  @Override
  public List<Deployable> connections(ChatService chat) {
    return List.of();
  }

  @Override
  public ReplyChannel replies() {
    return this::reply;
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

  private Future<Void> reply(InboundMessage to, OutboundMessage message) {
    FeishuApiClient app = apps.get(to.robot());
    if (app == null) {
      return Future.failedFuture(PlatformException.local(NAME, "no feishu robot named " + to.robot()));
    }
    return app.reply(to.reply().attributes().getOrDefault("message_id", to.messageId()), message);
  }

  private static void check(List<RobotConfig> robots) {
    List<String> errors = new ArrayList<>();
    for (RobotConfig robot : robots) {
      String where = RobotConfig.DEFAULT.equals(robot.name()) ? "FEISHU_MODE (or chat.yaml robot default)"
          : "chat.yaml robot " + robot.name() + " mode";
      if (!NAME.equals(robot.platform())) {
        errors.add("robot " + robot.name() + " is a " + robot.platform() + " robot, not a feishu one");
      } else if (robot.mode() != RobotMode.WEBHOOK) {
        errors.add(where + ": Feishu " + robot.mode().label() + " is not supported; use webhook (event subscription"
            + " v2.0 \"将事件发送至开发者服务器\" to " + path(robot) + ")");
      } else if (robot.credential("appId").isEmpty() || robot.credential("appSecret").isEmpty()) {
        errors.add(credentialsHint(robot) + ": required to answer messages (tenant_access_token, reply API)");
      }
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
  }

  private static String path(RobotConfig robot) {
    return RobotConfig.DEFAULT.equals(robot.name()) ? "/hooks/feishu" : "/hooks/feishu/" + robot.name();
  }

  private static String credentialsHint(RobotConfig robot) {
    return RobotConfig.DEFAULT.equals(robot.name()) ? "feishu robot default: FEISHU_APP_ID and FEISHU_APP_SECRET"
        : "chat.yaml robot " + robot.name() + ": env.appId and env.appSecret";
  }
}
