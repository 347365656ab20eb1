package io.zwgk.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.testing.VertxRedisExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bindings read both ways against a real Redis: user → unit for commands, unit → users for broadcasts. */
@ExtendWith(VertxRedisExtension.class)
class BindingStoreIT {
  private static final List<String> UNITS = List.of("县水利局", "县民政局", "大阿镇政府");
  private BindingStore bindings;

  @BeforeEach
  void start(Redis redis) {
    bindings = new BindingStore(redis);
  }

  @Test
  @DisplayName("bind, rebind to another unit and unbind keep the per-unit sets equal to the bindings")
  void reverseFollowsBindAndUnbind() {
    bindings.bind("dingtalk", "u1", "县水利局").await();
    bindings.bind("dingtalk", "u2", "县水利局").await();
    bindings.bind("dingtalk", "u3", "县民政局").await();
    assertThat(bindings.usersOf("dingtalk", UNITS).await())
        .isEqualTo(Map.of("县水利局", List.of("u1", "u2"), "县民政局", List.of("u3")));

    bindings.bind("dingtalk", "u1", "大阿镇政府").await();
    bindings.bind("dingtalk", "u3", "县民政局").await();
    assertThat(bindings.usersOf("dingtalk", UNITS).await()).as("u1 left 县水利局 when it bound to 大阿镇政府")
        .isEqualTo(Map.of("县水利局", List.of("u2"), "县民政局", List.of("u3"), "大阿镇政府", List.of("u1")));

    assertThat(bindings.unbind("dingtalk", "u2").await()).isTrue();
    assertThat(bindings.unbind("dingtalk", "u2").await()).isFalse();
    assertThat(bindings.unitOf("dingtalk", "u2").await()).isEmpty();
    assertThat(bindings.unitOf("dingtalk", "u1").await()).contains("大阿镇政府");
    assertThat(bindings.usersOf("dingtalk", UNITS).await())
        .isEqualTo(Map.of("县民政局", List.of("u3"), "大阿镇政府", List.of("u1")));
    assertThat(TestRedis.keys(Keys.boundUsers("dingtalk") + "县水利局")).as("an emptied set is gone").isEmpty();
  }

  @Test
  @DisplayName("the reverse lookup is per platform and answers only the units asked")
  void perPlatformAndUnit() {
    bindings.bind("dingtalk", "same-id", "县水利局").await();
    bindings.bind("wecom", "same-id", "县民政局").await();
    bindings.bind("wecom", "w2", "县水利局").await();

    assertThat(bindings.usersOf("dingtalk", List.of("县水利局", "县民政局")).await())
        .isEqualTo(Map.of("县水利局", List.of("same-id")));
    assertThat(bindings.usersOf("wecom", List.of("县民政局")).await()).isEqualTo(Map.of("县民政局", List.of("same-id")));
    assertThat(bindings.usersOf("feishu", UNITS).await()).isEmpty();
    assertThat(bindings.usersOf("wecom", List.of()).await()).isEmpty();
  }

  @Test
  @DisplayName("bindings made before the per-unit sets existed are found: the first lookup builds the sets from them")
  void bindingsFromBeforeTheSetsAreFound() {
    TestRedis.hset(Keys.bindings("dingtalk"), "old1", "县水利局");
    TestRedis.hset(Keys.bindings("dingtalk"), "old2", "县民政局");
    bindings.bind("dingtalk", "old2", "县水利局").await();
    bindings.bind("dingtalk", "new1", "县民政局").await();

    assertThat(bindings.usersOf("dingtalk", UNITS).await())
        .isEqualTo(Map.of("县水利局", List.of("old1", "old2"), "县民政局", List.of("new1")));
    assertThat(bindings.unbind("dingtalk", "old1").await()).isTrue();
    assertThat(bindings.usersOf("dingtalk", UNITS).await())
        .isEqualTo(Map.of("县水利局", List.of("old2"), "县民政局", List.of("new1")));
    assertThat(bindings.unitOf("dingtalk", "old2").await()).isEqualTo(Optional.of("县水利局"));
  }
}
