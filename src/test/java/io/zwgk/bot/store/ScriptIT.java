package io.zwgk.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.zwgk.bot.testing.VertxRedisExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxRedisExtension.class)
class ScriptIT {
  private static final Script INCR_BY = Script.of("return redis.call('INCRBY', KEYS[1], ARGV[1])");

  private Redis redis;

  @BeforeEach
  void start(Redis redis) {
    TestRedis.flushScripts();
    this.redis = redis;
  }

  @Test
  @DisplayName("a script is named by the same SHA-1 Redis gives it")
  void shaMatchesRedis() {
    assertThat(INCR_BY.sha()).isEqualTo(TestRedis.scriptLoad(INCR_BY.source()));
  }

  @Test
  @DisplayName("a script Redis has never seen runs (its source is sent once), and runs again by its SHA-1")
  void firstUseLoadsTheScript() {
    TestRedis.resetStats();
    assertThat(redis.<Long>eval(INCR_BY, ScriptOutputType.INTEGER, new String[] {"n"}, "2").await()).isEqualTo(2L);
    assertThat(redis.<Long>eval(INCR_BY, ScriptOutputType.INTEGER, new String[] {"n"}, "3").await()).isEqualTo(5L);
    assertThat(redis.<Long>eval(INCR_BY, ScriptOutputType.INTEGER, new String[] {"n"}, "4").await()).isEqualTo(9L);

    assertThat(TestRedis.calls("eval")).as("the source is sent once").isEqualTo(1);
    assertThat(TestRedis.calls("evalsha")).as("every call tries the SHA first").isEqualTo(3);
  }

  @Test
  @DisplayName("after Redis forgets its scripts (a restart, SCRIPT FLUSH) the next call still runs, exactly once")
  void reloadsAfterFlush() {
    redis.<Long>eval(INCR_BY, ScriptOutputType.INTEGER, new String[] {"n"}, "1").await();
    TestRedis.flushScripts();

    assertThat(redis.<Long>eval(INCR_BY, ScriptOutputType.INTEGER, new String[] {"n"}, "10").await()).isEqualTo(11L);
  }

  @Test
  @DisplayName("a script that fails in Redis fails the future with Redis's error, not with NOSCRIPT")
  void scriptErrorsPropagate() {
    Script broken = Script.of("return redis.call('NOSUCHCOMMAND')");

    assertThatThrownBy(() -> redis.<Long>eval(broken, ScriptOutputType.INTEGER, new String[] {"n"}).await())
        .isInstanceOf(RedisCommandExecutionException.class)
        .hasMessageContaining("Unknown Redis command");
  }
}
