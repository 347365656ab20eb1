package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zwgk.bot.store.Redis;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxRedisExtension.class)
class BulletinStoreIT {
  private static final YearMonth APRIL = YearMonth.of(2024, 4);
  private static final Instant AT = Instant.parse("2024-05-06T01:00:00Z");
  private BulletinStore store;

  @BeforeEach
  void start(Redis redis) {
    store = new BulletinStore(redis);
  }

  private static Bulletin published(String who) {
    return SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6))
        .published(new Publication(AT, "dingtalk", who, who, LocalDate.of(2024, 5, 6)));
  }

  @Test
  @DisplayName("items get ids unique across months, are listed per month, and are removed by id alone")
  void items() {
    NarrativeItem a = store.addItem(APRIL, "工作动态", "四月的动态", "李四", AT).await();
    NarrativeItem b = store.addItem(APRIL.plusMonths(1), "工作动态", "五月的动态", "李四", AT).await();

    assertThat(List.of(a.id(), b.id())).containsExactly("1", "2");
    assertThat(store.load(APRIL).await().items()).containsExactly(a);
    assertThat(store.removeItem("1").await()).contains(a);
    assertThat(store.removeItem("1").await()).isEmpty();
    assertThat(store.removeItem("99").await()).isEmpty();
    assertThat(store.load(APRIL).await().items()).isEmpty();
    assertThat(store.load(APRIL.plusMonths(1)).await().items()).containsExactly(b);
  }

  @Test
  @DisplayName("counts are set and read back per month")
  void counts() {
    store.setCount(APRIL, "网络问政", 7).await();
    store.setCount(APRIL, "网络问政", 8).await();

    assertThat(store.load(APRIL).await().counts()).containsExactlyEntriesOf(Map.of("网络问政", 8));
    assertThat(store.load(APRIL.minusMonths(1)).await().counts()).isEmpty();
  }

  @Test
  @DisplayName("publication is recorded once: the second learns who published first, and the month is then frozen")
  void publishOnce() {
    NarrativeItem item = store.addItem(APRIL, "工作动态", "四月的动态", "李四", AT).await();
    Bulletin first = published("李四");

    assertThat(store.publish(first).await()).isEmpty();
    assertThat(store.publish(published("王五")).await()).contains(first);
    assertThat(store.load(APRIL).await().published()).contains(first);
    assertThat(store.load(APRIL).await().publication().map(Publication::who)).contains("李四");
    for (Runnable change : List.<Runnable>of(() -> store.addItem(APRIL, "工作动态", "迟到", "王五", AT).await(),
        () -> store.removeItem(item.id()).await(), () -> store.setCount(APRIL, "网络问政", 1).await())) {
      assertThatThrownBy(change::run).isInstanceOfAny(BulletinPublishedException.class, CompletionException.class)
          .satisfies(e -> assertThat(unwrap(e).publication().who()).isEqualTo("李四"));
    }
    assertThat(store.load(APRIL).await().items()).containsExactly(item);
  }

  private static BulletinPublishedException unwrap(Throwable e) {
    return (BulletinPublishedException) (e instanceof BulletinPublishedException ? e : e.getCause());
  }

  @Test
  @DisplayName("findings created by publications are remembered")
  void bulletinFindings() {
    store.markBulletinFindings(List.of("3", "4")).await();
    store.markBulletinFindings(List.of()).await();

    assertThat(store.bulletinFindings().await()).containsExactlyInAnyOrder("3", "4");
    assertThat(Optional.of(store.load(APRIL).await()).map(BulletinState::published)).contains(Optional.empty());
  }
}
