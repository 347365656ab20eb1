package io.zwgk.bot.testing;

import io.vertx.core.Vertx;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.TestRedis;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every test a fresh {@link Vertx} and a {@link Redis} connected to the suite's own redis-server (see
 * {@link RedisServerExtension}), flushed before the test. Both are injected as parameters of the test and of its
 * {@code @BeforeEach} and {@code @AfterEach} methods, and closed after the test's own {@code @AfterEach} methods ran.
 * Not for classes that also register vertx-junit5's {@code VertxExtension}, which resolves {@code Vertx} too.
 */
public final class VertxRedisExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
      VertxRedisExtension.class);

  private record Services(Vertx vertx, Redis redis) {
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestRedis.flush();
    Vertx vertx = Vertx.vertx();
    Redis redis = Completion.of(Redis.connect(vertx, RedisServerExtension.uri()));
    context.getStore(NAMESPACE).put(Services.class, new Services(vertx, redis));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Services services = context.getStore(NAMESPACE).remove(Services.class, Services.class);
    try {
      Completion.of(services.redis().close());
    } finally {
      Completion.of(services.vertx().close());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Vertx.class || type == Redis.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Services services = context.getStore(NAMESPACE).get(Services.class, Services.class);
    if (services == null) {
      throw new ParameterResolutionException(VertxRedisExtension.class.getSimpleName()
          + " gives Vert.x and Redis per test: not to " + parameter.getDeclaringExecutable().getName());
    }
    return parameter.getParameter().getType() == Vertx.class ? services.vertx() : services.redis();
  }
}
