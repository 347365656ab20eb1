package io.zwgk.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The production logback.xml, loaded into a fresh logger context with ZWGK_LOG_FORMAT set or not. */
class LogFormatTest {
  @Test
  @DisplayName("ZWGK_LOG_FORMAT=json writes each event as one JSON object on one line, to stderr")
  void json() throws Exception {
    LoggerContext context = configure(Optional.of("json"));
    ConsoleAppender<ILoggingEvent> appender = stdout(context);

    assertThat(appender.getTarget()).isEqualTo("System.err");
    assertThat(appender.getEncoder()).isInstanceOf(JsonEncoder.class);
    String line = encode(appender.getEncoder(), context);
    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonObject json = new JsonObject(line.strip());
    assertThat(json.getString("level")).isEqualTo("INFO");
    assertThat(json.getString("loggerName")).isEqualTo("io.zwgk.bot.chat.ChatService");
    assertThat(json.getString("formattedMessage")).isEqualTo("answered dingtalk message msg-1");
    assertThat(json.getLong("timestamp")).isEqualTo(1_714_000_000_000L);
    assertNoConfigurationWarnings(context);
  }

  @Test
  @DisplayName("without ZWGK_LOG_FORMAT (or with text) events are plain text lines")
  void textByDefault() throws Exception {
    for (Optional<String> format : java.util.List.of(Optional.<String>empty(), Optional.of("text"))) {
      LoggerContext context = configure(format);
      ConsoleAppender<ILoggingEvent> appender = stdout(context);

      assertThat(appender.getTarget()).isEqualTo("System.err");
      assertThat(appender.getEncoder()).isInstanceOf(PatternLayoutEncoder.class);
      assertThat(encode(appender.getEncoder(), context))
          .contains(" INFO  [main] i.z.bot.chat.ChatService - answered dingtalk message msg-1").doesNotContain("{");
      assertNoConfigurationWarnings(context);
    }
  }

  private static LoggerContext configure(Optional<String> format) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    format.ifPresent(f -> context.putProperty("ZWGK_LOG_FORMAT", f));
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
    return context;
  }

  @SuppressWarnings("unchecked")
  private static ConsoleAppender<ILoggingEvent> stdout(LoggerContext context) {
    return (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
  }

  private static String encode(Encoder<ILoggingEvent> encoder, LoggerContext context) {
    Logger logger = context.getLogger("io.zwgk.bot.chat.ChatService");
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "answered {} message {}", null,
        new Object[] {"dingtalk", "msg-1"});
    event.setTimeStamp(1_714_000_000_000L);
    event.setThreadName("main");
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private static void assertNoConfigurationWarnings(LoggerContext context) {
    assertThat(new StatusUtil(context).getHighestLevel(0)).as("logback status").isLessThan(Status.WARN);
  }
}
