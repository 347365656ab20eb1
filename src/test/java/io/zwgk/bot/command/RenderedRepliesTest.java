package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.UnitStats;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RenderedRepliesTest {
  private static PeriodStats month(int total) {
    return new PeriodStats(YearMonth.of(2024, 4),
        List.of(new UnitStats("县水利局", Category.COUNTY_DEPT, 100, total, 5)));
  }

  @Test
  @DisplayName("a reply is rendered once per copy of the month's figures, and each key is rendered on its own")
  void renderedOncePerCopy() {
    RenderedReplies replies = new RenderedReplies();
    AtomicInteger renders = new AtomicInteger();
    Function<PeriodStats, String> render = p -> {
      renders.incrementAndGet();
      return "total " + p.total();
    };
    PeriodStats april = month(40);

    assertThat(replies.get(april, "排名", render)).isEqualTo("total 40");
    assertThat(replies.get(april, "排名", render)).isEqualTo("total 40");
    assertThat(renders).hasValue(1);
    replies.get(april, "概况", render);
    assertThat(renders).hasValue(2);
  }

  @Test
  @DisplayName("a new copy of the figures (after an import), even an equal one, is rendered afresh")
  void newCopyRenderedAgain() {
    RenderedReplies replies = new RenderedReplies();
    Function<PeriodStats, String> render = p -> "total " + p.total();

    assertThat(replies.get(month(40), "排名", render)).isEqualTo("total 40");
    assertThat(replies.get(month(55), "排名", render)).isEqualTo("total 55");

    AtomicInteger renders = new AtomicInteger();
    replies.get(month(55), "排名", p -> "x" + renders.incrementAndGet());
    assertThat(renders).as("an equal but new copy is not trusted").hasValue(1);
  }
}
