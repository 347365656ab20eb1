package io.zwgk.bot.stats;

/**
 * How the rows of a file that has not been imported yet compare with what is stored: rows for a unit or item not
 * stored yet, rows that would change a stored one, rows equal to a stored one.
 */
public record ImportChanges(int created, int changed, int unchanged) {
  public ImportChanges {
    if (created < 0 || changed < 0 || unchanged < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
