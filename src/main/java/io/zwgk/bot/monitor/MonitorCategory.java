package io.zwgk.bot.monitor;

import java.util.Arrays;
import java.util.Optional;

/**
 * The categories of the findings the monitor opens. They are worded 疑似 (suspected) until a person confirms them,
 * and differ from the categories staff import, so the monitor never closes a finding it did not open.
 */
public enum MonitorCategory {
  BROKEN_LINK("疑似不可用链接"),
  BROKEN_IMAGE("疑似图片无法显示"),
  PRIVACY("疑似隐私泄露"),
  GUIDE("疑似指南信息有误"),
  TYPO("疑似错敏字");

  private final String label;

  MonitorCategory(String label) {
    this.label = label;
  }

  /** The finding's category as stored and shown. */
  public String label() {
    return label;
  }

  /** The monitor category with this label. */
  public static Optional<MonitorCategory> of(String label) {
    return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
  }
}
