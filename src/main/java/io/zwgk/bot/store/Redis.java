package io.zwgk.bot.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.ops.Metrics;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Lettuce client of the process: a shared connection for ordinary commands (no MULTI on it), dedicated
 * connections for transactions, one pub/sub connection. Every result is bridged back to the caller's Vert.x context,
 * so no continuation runs on a Lettuce thread. While Redis is unreachable commands fail at once instead of queueing,
 * and Lettuce reconnects by itself.
 */
public final class Redis {
  private static final Logger log = LoggerFactory.getLogger(Redis.class);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);

  private final Vertx vertx;
  private final RedisClient client;
  private final RedisURI uri;
  private final StatefulRedisConnection<String, String> shared;
  private final Metrics metrics;
  private volatile StatefulRedisPubSubConnection<String, String> pubSub;

  private Redis(Vertx vertx, RedisClient client, RedisURI uri, StatefulRedisConnection<String, String> shared,
      Metrics metrics) {
    this.vertx = vertx;
    this.client = client;
    this.uri = uri;
    this.shared = shared;
    this.metrics = metrics;
  }

  /** Connects to {@code redisUrl} (redis://, rediss://, redis-sentinel:// as Lettuce accepts them). */
  public static Future<Redis> connect(Vertx vertx, String redisUrl) {
    return connect(vertx, redisUrl, Metrics.none());
  }

  /** Connects like {@link #connect(Vertx, String)}, counting every failed command in {@code metrics}. */
  public static Future<Redis> connect(Vertx vertx, String redisUrl, Metrics metrics) {
    RedisURI uri = RedisURI.create(redisUrl);
    RedisClient client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(5)).build())
        .build());
    Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(client.connectAsync(StringCodec.UTF8, uri), context)
        .map(conn -> new Redis(vertx, client, uri, conn, metrics))
        .onFailure(e -> client.shutdownAsync());
  }

  /** The port of the Redis server this client talks to (for sentinel URLs, the sentinel's). */
  public int port() {
    return uri.getPort() > 0 ? uri.getPort() : uri.getSentinels().isEmpty() ? RedisURI.DEFAULT_REDIS_PORT
        : uri.getSentinels().get(0).getPort();
  }

  /** Runs one command on the shared connection; the result completes on the caller's context. */
  public <T> Future<T> call(Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
    Context context = vertx.getOrCreateContext();
    try {
      return Future.fromCompletionStage(command.apply(shared.async()), context).onFailure(e -> metrics.redisError())
          .recover(e -> Future.failedFuture(classify(e)));
    } catch (RuntimeException e) {
      metrics.redisError();
      return Future.failedFuture(classify(e));
    }
  }

  /**
   * Runs {@code script} by its SHA-1 on the shared connection; when Redis answers NOSCRIPT, sends the source once
   * ({@code EVAL}, which also loads it). The result completes on the caller's context.
   */
  public <T> Future<T> eval(Script script, ScriptOutputType type, String[] keys, String... args) {
    return this.<T>call(c -> c.<T>evalsha(script.sha(), type, keys, args).exceptionallyCompose(e ->
        unwrap(e) instanceof RedisNoScriptException ? c.<T>eval(script.source(), type, keys, args)
            : CompletableFuture.failedStage(e)))
        .recover(e -> Future.failedFuture(unwrap(e)));
  }

  /**
   * {@code e} as a {@link RedisUnavailableException} when its cause is the connection (not connected, connection
   * lost, connect failure, timeout, Redis still loading); otherwise the failure itself, unwrapped.
   */
  static Throwable classify(Throwable e) {
    Throwable failure = unwrap(e);
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof RedisUnavailableException) {
        return t;
      }
      if (t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException
          || t instanceof RedisLoadingException || t instanceof IOException
          || t.getClass() == RedisException.class) { // Lettuce's "Currently not connected", "Connection closed"
        return new RedisUnavailableException(failure);
      }
    }
    return failure;
  }

  /** The failure itself, not the {@link CompletionException} a composed stage wraps it in. */
  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /**
   * Runs {@code body} inside MULTI/EXEC on a dedicated connection, so the commands apply all together or not at all.
   * The future fails when EXEC was discarded or any command failed.
   */
  public Future<Void> transaction(Consumer<RedisAsyncCommands<String, String>> body) {
    Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(client.connectAsync(StringCodec.UTF8, uri), context)
        .compose(conn -> Future.fromCompletionStage(runTransaction(conn.async(), body), context)
            .eventually(() -> Future.fromCompletionStage(conn.closeAsync(), context)))
        .recover(e -> Future.failedFuture(classify(e)));
  }

  private static CompletionStage<Void> runTransaction(
      RedisAsyncCommands<String, String> async, Consumer<RedisAsyncCommands<String, String>> body) {
    return async.multi().thenCompose(ok -> {
      body.accept(async);
      return async.exec();
    }).thenApply(result -> {
      if (result.wasDiscarded()) {
        throw new IllegalStateException("Redis transaction was discarded");
      }
      for (Object r : result) {
        if (r instanceof Exception e) {
          throw new IllegalStateException("Redis transaction command failed: " + e.getMessage(), e);
        }
      }
      return null;
    });
  }

  /** Subscribes to a channel; {@code onMessage} runs on a Vert.x context, never on a Lettuce thread. */
  public Future<Void> subscribe(String channel, Consumer<String> onMessage) {
    Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(client.connectPubSubAsync(StringCodec.UTF8, uri), context)
        .compose(conn -> {
          pubSub = conn;
          conn.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String message) {
              context.runOnContext(v -> onMessage.accept(message));
            }
          });
          return Future.fromCompletionStage(conn.async().subscribe(channel), context);
        });
  }

  /** PING on the shared connection: the health check. */
  public Future<String> ping() {
    return call(RedisAsyncCommands::ping);
  }

  /** Closes the connections, then the client's resources. */
  public Future<Void> close() {
    Context context = vertx.getOrCreateContext();
    Future<Void> pubSubClosed = pubSub == null ? Future.succeededFuture()
        : Future.fromCompletionStage(pubSub.closeAsync(), context);
    return pubSubClosed
        .compose(v -> Future.fromCompletionStage(shared.closeAsync(), context))
        .compose(v -> Future.fromCompletionStage(client.shutdownAsync(), context))
        .onFailure(e -> log.warn("closing Redis client: {}", e.getMessage()))
        .mapEmpty();
  }
}
