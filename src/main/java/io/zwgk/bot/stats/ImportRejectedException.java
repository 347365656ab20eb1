package io.zwgk.bot.stats;

import java.util.List;

/** An import refused because of bad rows; nothing was stored. */
public final class ImportRejectedException extends RuntimeException {
  private final transient List<RowProblem> errors;

  public ImportRejectedException(List<RowProblem> errors) {
    super("导入被拒绝：" + errors.size() + " 处错误，未保存任何数据", null, false, false);
    this.errors = List.copyOf(errors);
  }

  public List<RowProblem> errors() {
    return errors;
  }
}
