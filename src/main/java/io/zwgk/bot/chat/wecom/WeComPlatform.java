package io.zwgk.bot.chat.wecom;

import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * WeCom (企业微信): 智能机器人 robots in webhook mode ({@code token}, {@code encodingAesKey}, optional
 * {@code receiveId}, empty for a 智能机器人) at {@code /hooks/wecom[/{name}]}, or in long-connection mode
 * ({@code botId}, {@code botSecret}) through {@code wss://openws.work.weixin.qq.com}; replies through
 * {@code response_url} or the socket; group sends through group robot webhooks at {@link Settings#wecomApiBase()}.
 */
public final class WeComPlatform implements ChatPlatform {
  /** 20 messages a minute per group robot (45009; platforms.md §0). */
  static final SendLimits SEND_LIMITS = new SendLimits(List.of(new Limit(Duration.ofMinutes(1), 20)),
      Duration.ofMinutes(1));
  static final String LONG_CONNECTION_URL = "wss://openws.work.weixin.qq.com";
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final List<RobotConfig> robots;
  private final Clock clock;
  private final String longConnectionUrl;
  private final LongConnectionTiming timing;
  private final ReconnectTimer timer;
  private final WeComConnections connections = new WeComConnections();
  private final WeComReplyChannel replies;
  private final WeComGroupSender groups;
  private final FileDownloader files;

  /** @param robots this platform's robots only */
  public WeComPlatform(Vertx vertx, WebClient web, Settings settings, List<RobotConfig> robots, Clock clock) {
    this(web, settings, robots, clock, LONG_CONNECTION_URL, LongConnectionTiming.DEFAULT, ReconnectTimer.VERTX,
        new WeComFileDownloader(robots, new FileFetch(vertx, ReplyOrigins.of(List.of(settings.wecomApiBase())),
            WeComFileDownloader.FILE_DOMAINS, Duration.ofMillis(settings.outboundTimeoutMs()))));
  }

  /** Without file downloads (tests of the long connection). */
  WeComPlatform(WebClient web, Settings settings, List<RobotConfig> robots, Clock clock, String longConnectionUrl,
      LongConnectionTiming timing, ReconnectTimer timer) {
    this(web, settings, robots, clock, longConnectionUrl, timing, timer, FileDownloader.NONE);
  }

  private WeComPlatform(WebClient web, Settings settings, List<RobotConfig> robots, Clock clock,
      String longConnectionUrl, LongConnectionTiming timing, ReconnectTimer timer, FileDownloader files) {
    this.files = files;
    this.robots = List.copyOf(robots);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.longConnectionUrl = Objects.requireNonNull(longConnectionUrl, "longConnectionUrl");
    this.timing = Objects.requireNonNull(timing, "timing");
    this.timer = Objects.requireNonNull(timer, "timer");
    List<String> origins = new ArrayList<>(WeComReplyChannel.WECOM_ORIGINS);
    origins.add(settings.wecomApiBase());
    this.replies = new WeComReplyChannel(web, settings.outboundTimeoutMs(), connections, clock,
        ReplyOrigins.of(origins));
    this.groups = new WeComGroupSender(web, settings.wecomApiBase(), settings.outboundTimeoutMs());
  }

  @Override
  public String name() {
    return WeComMessageDecoder.PLATFORM;
  }

  /**
   * @throws IllegalArgumentException if a webhook robot's EncodingAESKey is not 43 Base64 characters
   */
  @Override
  public void mount(Router router, ChatService chat) {
    InboundPipeline pipeline = new InboundPipeline(chat);
    for (RobotConfig robot : robotsIn(RobotMode.WEBHOOK)) {
      WxBizMsgCrypt crypt = new WxBizMsgCrypt(robot.required("token"), robot.required("encodingAesKey"),
          robot.credential("receiveId").orElse(""));
      WeComWebhook handler = new WeComWebhook(robot.name(), crypt, pipeline, clock);
      String path = RobotConfig.DEFAULT.equals(robot.name()) ? "/hooks/wecom" : "/hooks/wecom/" + robot.name();
      router.get(path).handler(handler::verifyUrl);
      router.post(path).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(handler::receive);
    }
  }

  @Override
  public List<Deployable> connections(ChatService chat) {
    InboundPipeline pipeline = new InboundPipeline(chat);
    return robotsIn(RobotMode.LONG_CONNECTION).stream()
        .<Deployable>map(r -> new WeComLongConnectionVerticle(r, longConnectionUrl, pipeline, connections, timing,
            timer))
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

  private List<RobotConfig> robotsIn(RobotMode mode) {
    return robots.stream().filter(r -> r.mode() == mode).toList();
  }
}
