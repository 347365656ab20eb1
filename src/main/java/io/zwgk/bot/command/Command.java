package io.zwgk.bot.command;

import io.zwgk.bot.stats.Category;
import java.util.Objects;
import java.util.Optional;

/** A chat command as typed after the robot mention, already parsed; {@link CommandParser} builds it. */
public sealed interface Command {

  /**
   * {@code 完成率 [单位]}, {@code 我的完成率}: one unit's completion figures.
   *
   * @param unitQuery the unit as typed, empty when the sender's bound unit is meant
   * @param mine true exactly when no unit was named, so the sender's bound unit is meant
   */
  record Completion(Optional<String> unitQuery, boolean mine) implements Command {
    public Completion {
      Objects.requireNonNull(unitQuery, "unitQuery");
      if (unitQuery.isPresent() && unitQuery.get().isBlank()) {
        throw new IllegalArgumentException("unit query is blank");
      }
      if (mine == unitQuery.isPresent()) {
        throw new IllegalArgumentException("mine must be true exactly when no unit is named");
      }
    }

    /** A completion query for a named unit. */
    public static Completion of(String unitQuery) {
      return new Completion(Optional.of(unitQuery), false);
    }

    /** A completion query for the sender's bound unit. */
    public static Completion ofMine() {
      return new Completion(Optional.empty(), true);
    }
  }

  /**
   * {@code 排名 [县直单位|乡镇]}: the ranking of one category, or of both when empty.
   *
   * @param category the category asked for, empty for both
   */
  record Ranking(Optional<Category> category) implements Command {
    public Ranking {
      Objects.requireNonNull(category, "category");
    }
  }

  /** {@code 末五位}: the five county departments with the lowest ratio. */
  record BottomFive() implements Command {}

  /** {@code 概况}: the bulletin's 信息发布情况 paragraph. */
  record Overview() implements Command {}

  /**
   * {@code 绑定 <单位>}: bind the sender to a unit.
   *
   * @param unitQuery the unit as typed, not blank
   */
  record Bind(String unitQuery) implements Command {
    public Bind {
      Objects.requireNonNull(unitQuery, "unitQuery");
      if (unitQuery.isBlank()) {
        throw new IllegalArgumentException("unit query is blank");
      }
    }
  }

  /** {@code 解绑}: remove the sender's binding. */
  record Unbind() implements Command {}

  /** {@code 帮助}: the full command list. */
  record Help() implements Command {}

  /**
   * Anything else, answered with the short help.
   *
   * @param text the normalised text, empty when the message held only the mention
   */
  record Unknown(String text) implements Command {
    public Unknown {
      Objects.requireNonNull(text, "text");
    }
  }
}
