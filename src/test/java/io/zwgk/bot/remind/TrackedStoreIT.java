package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.stats.ImportRejectedException;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RedisServerExtension.class, VertxExtension.class})
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrackedStoreIT {
  private static final LocalDate DAY = LocalDate.of(2024, 4, 29);

  private Redis redis;
  private TrackedStore store;

  @BeforeEach
  void connect(Vertx vertx) {
    redis = Redis.connect(vertx, RedisServerExtension.uri()).await();
    redis.call(c -> c.flushdb()).await();
    store = new TrackedStore(redis);
  }

  @AfterEach
  void close() {
    redis.close().await();
  }

  private static TrackedItem column(String unit, String column, LocalDate lastUpdate) {
    return new TrackedItem.Column("", unit, column, "", "动态/要闻类", lastUpdate);
  }

  private static TrackedItem task(String unit, String task, boolean done) {
    return new TrackedItem.Task("", unit, task, DAY, done);
  }

  private static TrackedItem finding(String unit, String text, LocalDate deadline) {
    return new TrackedItem.Finding("", unit, "政府网站", text, DAY, deadline, FindingState.OPEN, Optional.empty());
  }

  @Test
  @DisplayName("new items get ids 1, 2, … unique across kinds, and list back by kind and all together")
  void idsAcrossKinds() {
    TrackedStore.Upserted columns = store.upsert(TrackedKind.COLUMNS,
        List.of(column("县水利局", "工作动态", DAY), column("县司法局", "工作动态", DAY))).await();
    TrackedStore.Upserted tasks = store.upsert(TrackedKind.TASKS,
        List.of(task("县水利局", "报送年报", false), task("县司法局", "报送年报", true))).await();

    assertThat(columns.items()).extracting(TrackedItem::id).containsExactly("1", "2");
    assertThat(tasks.items()).extracting(TrackedItem::id).containsExactly("3", "4");
    assertThat(columns.created()).isEqualTo(2);
    assertThat(tasks.items().get(1)).isEqualTo(new TrackedItem.Task("4", "县司法局", "报送年报", DAY, true));
    assertThat(store.list(TrackedKind.TASKS).await()).isEqualTo(tasks.items());
    assertThat(store.listAll().await()).extracting(TrackedItem::id).containsExactly("1", "2", "3", "4");
    assertThat(store.list(TrackedKind.FINDINGS).await()).isEmpty();
  }

  @Test
  @DisplayName("a re-import keeps the ids of known items and takes their new fields; other items stay")
  void reimportKeepsIds() {
    store.upsert(TrackedKind.COLUMNS, List.of(column("县水利局", "工作动态", DAY), column("县司法局", "工作动态", DAY)))
        .await();

    TrackedStore.Upserted again = store.upsert(TrackedKind.COLUMNS,
        List.of(column("县司法局", "通知公告", DAY), column("县水利局", "工作动态", DAY.plusDays(3)))).await();

    assertThat(again.created()).isEqualTo(1);
    assertThat(again.items()).extracting(TrackedItem::id).containsExactly("3", "1");
    assertThat(store.list(TrackedKind.COLUMNS).await()).containsExactly(
        new TrackedItem.Column("1", "县水利局", "工作动态", "", "动态/要闻类", DAY.plusDays(3)),
        new TrackedItem.Column("2", "县司法局", "工作动态", "", "动态/要闻类", DAY),
        new TrackedItem.Column("3", "县司法局", "通知公告", "", "动态/要闻类", DAY));
  }

  @Test
  @DisplayName("a re-imported finding takes the file's deadline but keeps the state and answer its unit gave")
  void findingKeepsProgress() {
    TrackedItem stored = store.upsert(TrackedKind.FINDINGS, List.of(finding("县水利局", "空白栏目", DAY))).await()
        .items().get(0);
    TrackedItem.Finding f = (TrackedItem.Finding) stored;
    store.save(new TrackedItem.Finding(f.id(), f.unit(), f.category(), f.text(), f.issued(), f.deadline(),
        FindingState.SUBMITTED, Optional.of("已补充“机构职能”内容"))).await();

    store.upsert(TrackedKind.FINDINGS, List.of(finding("县水利局", "空白栏目", DAY.plusDays(10)))).await();

    assertThat(store.find(f.id()).await()).contains(new TrackedItem.Finding(f.id(), "县水利局", "政府网站", "空白栏目",
        DAY, DAY.plusDays(10), FindingState.SUBMITTED, Optional.of("已补充“机构职能”内容")));
  }

  @Test
  @DisplayName("find looks in every kind; save replaces one item, answers false for an unknown id, refuses a new key")
  void findAndSave() {
    store.upsert(TrackedKind.COLUMNS, List.of(column("县水利局", "工作动态", DAY))).await();
    store.upsert(TrackedKind.TASKS, List.of(task("县司法局", "报送年报", false))).await();

    assertThat(store.find("2").await()).contains(new TrackedItem.Task("2", "县司法局", "报送年报", DAY, false));
    assertThat(store.find("99").await()).isEmpty();

    assertThat(store.save(new TrackedItem.Task("2", "县司法局", "报送年报", DAY, true)).await()).isTrue();
    assertThat(store.find("2").await()).contains(new TrackedItem.Task("2", "县司法局", "报送年报", DAY, true));
    assertThat(store.save(new TrackedItem.Task("1", "县水利局", "工作动态", DAY, true)).await()).isFalse();
    assertThatThrownBy(() -> store.save(new TrackedItem.Task("2", "县司法局", "改名", DAY, true)).await())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find("1").await()).containsInstanceOf(TrackedItem.Column.class);
  }

  @Test
  @DisplayName("an import with a bad row stores nothing, not even the good rows, and uses no ids")
  void failedImportStoresNothing(Vertx vertx) {
    Map<String, String> units = Map.of("县水利局", "县水利局");
    TrackedImporter importer = new TrackedImporter(vertx, store, u -> Optional.ofNullable(units.get(u)),
        (d, n) -> d.plusDays(n));
    byte[] csv = "任务,单位名称,截止日期\n报送年报,县水利局,2024-01-31\n报送年报,县气象局,2024-01-31\n"
        .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> importer.importTable(Actor.API, TrackedKind.TASKS, csv, "text/csv").await())
        .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors()).hasSize(1));
    assertThat(TestRedis.keys("zwgk:tracked:*")).isEmpty();
  }

  @Test
  @DisplayName("when the script fails midway through a batch, nothing of the batch is written")
  void scriptFailureWritesNothing() {
    store.upsert(TrackedKind.FINDINGS, List.of(finding("县水利局", "空白栏目", DAY))).await();
    redis.call(c -> c.hset(TrackedStore.items(TrackedKind.FINDINGS), "1", "not json")).await();

    assertThatThrownBy(() -> store.upsert(TrackedKind.FINDINGS,
        List.of(finding("县司法局", "错别字", DAY), finding("县水利局", "空白栏目", DAY))).await())
        .hasMessageContaining("Error running script");
    assertThat(redis.call(c -> c.hlen(TrackedStore.items(TrackedKind.FINDINGS))).await()).isEqualTo(1L);
    assertThat(redis.call(c -> c.get(TrackedStore.SEQ)).await()).isEqualTo("1");
  }

  @Test
  @DisplayName("an upsert mixing kinds or repeating a natural key is refused before Redis is touched")
  void badBatch() {
    assertThatThrownBy(() -> store.upsert(TrackedKind.TASKS, List.of(column("县水利局", "工作动态", DAY))).await())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.upsert(TrackedKind.TASKS,
        List.of(task("县水利局", "报送年报", false), task("县水利局", "报送年报", true))).await())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TestRedis.keys("zwgk:tracked:*")).isEmpty();
  }

  @Test
  @DisplayName("store results complete on the caller's Vert.x context")
  void callerContext(Vertx vertx) throws Exception {
    io.vertx.core.Context context = vertx.getOrCreateContext();
    java.util.concurrent.CompletableFuture<Boolean> sameContext = new java.util.concurrent.CompletableFuture<>();
    context.runOnContext(v -> store.upsert(TrackedKind.TASKS, List.of(task("县水利局", "报送年报", false)))
        .onComplete(r -> sameContext.complete(Vertx.currentContext() == context)));

    assertThat(sameContext.get(10, TimeUnit.SECONDS)).isTrue();
  }
}
