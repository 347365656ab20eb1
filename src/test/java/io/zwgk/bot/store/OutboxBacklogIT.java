package io.zwgk.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.store.OutboxStore.Backlog;
import io.zwgk.bot.store.OutboxStore.Claimed;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxRedisExtension.class)
class OutboxBacklogIT {
  private OutboxStore store;

  @BeforeEach
  void start(Redis redis) {
    store = new OutboxStore(redis);
  }

  @Test
  @DisplayName("an empty outbox has no messages, no age and no dead letters")
  void empty() {
    assertThat(store.backlog(10_000).await()).isEqualTo(new Backlog(0, 0, 0));
  }

  @Test
  @DisplayName("the backlog counts messages across lanes, ages the oldest head, and counts dead letters")
  void countsAndAges() {
    store.enqueue("k1", "dingtalk:a", parts("a1"), 1_000).await();
    store.enqueue("k2", "wecom:b", parts("b1"), 4_000).await();
    store.enqueue("k3", "feishu:c", parts("c1", "c2"), 2_000).await();

    assertThat(store.backlog(10_000).await()).isEqualTo(new Backlog(4, 9_000, 0));

    List<Claimed> claimed = store.claim(10_000, 20_000, 10).await();
    Claimed first = claimed.stream().filter(c -> c.id().equals("a1")).findFirst().orElseThrow();
    store.dead(first, 10_000, "gone").await();

    assertThat(store.backlog(10_000).await()).as("lane a is empty; c1 (queued at 2 000) is the oldest")
        .isEqualTo(new Backlog(3, 8_000, 1));
  }

  private static Map<String, String> parts(String... ids) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String id : ids) {
      parts.put(id, "{\"payload\":\"" + id + "\"}");
    }
    return parts;
  }
}
