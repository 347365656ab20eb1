package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImportSlotsTest {
  @Test
  @DisplayName("two imports run at once; a third is refused at once, and a slot frees when an import ends either way")
  void twoAtATime() {
    ImportSlots slots = new ImportSlots(ImportSlots.MAX);
    Promise<String> first = Promise.promise();
    Promise<String> second = Promise.promise();
    int[] started = {0};

    Future<String> a = slots.run(() -> {
      started[0]++;
      return first.future();
    });
    Future<String> b = slots.run(() -> {
      started[0]++;
      return second.future();
    });
    Future<String> c = slots.run(() -> {
      started[0]++;
      return Future.succeededFuture("third");
    });

    assertThat(c.failed()).isTrue();
    assertThat(c.cause()).isInstanceOf(ImportSlots.ImportBusyException.class)
        .hasMessageContaining("正在导入其他表格，请稍后再试");
    assertThat(started[0]).isEqualTo(2);

    first.fail("bad table");
    assertThat(a.failed()).isTrue();
    assertThat(slots.run(() -> Future.succeededFuture("fourth")).result()).isEqualTo("fourth");
    assertThat(slots.run(() -> {
      throw new IllegalStateException("boom");
    }).failed()).isTrue();
    assertThat(slots.tryAcquire()).as("a throwing import gave its slot back").isTrue();
    assertThat(slots.tryAcquire()).as("the second import still holds the other").isFalse();
    second.complete("done");
    assertThat(b.result()).isEqualTo("done");
    assertThat(slots.tryAcquire()).isTrue();
  }
}
