package io.zwgk.bot.testing;

import java.util.List;

/**
 * Runs a fuzz body over many seeded cases. Case {@code i} uses {@code new HostileInput(seed + i)}, so a failure names
 * the one seed that replays it. Only the listed exception types (the documented rejections) may escape the body.
 * {@code -Dzwgk.fuzz.scale=N} runs N times as many cases (a long fuzz run; the suite keeps 1).
 */
public final class Fuzz {
  private Fuzz() {
  }

  /** One case. */
  @FunctionalInterface
  public interface Case {
    void run(HostileInput input) throws Exception;
  }

  /** Answers how many cases the body accepted (completed without a rejection), so a test can show it is not vacuous. */
  @SafeVarargs
  public static int cases(long seed, int count, Case body, Class<? extends Throwable>... rejections) {
    List<Class<? extends Throwable>> allowed = List.of(rejections);
    int accepted = 0;
    int scaled = count * Math.max(1, Integer.getInteger("zwgk.fuzz.scale", 1));
    for (int i = 0; i < scaled; i++) {
      long caseSeed = seed + i;
      try {
        body.run(new HostileInput(caseSeed));
        accepted++;
      } catch (Throwable t) {
        if (allowed.stream().noneMatch(c -> c.isInstance(t))) {
          throw new AssertionError("case seed " + caseSeed + ": " + t.getClass().getName() + " escaped: "
              + t.getMessage(), t);
        }
      }
    }
    return accepted;
  }
}
