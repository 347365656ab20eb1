package io.zwgk.bot.chat;

import java.util.Map;
import java.util.Objects;

/**
 * A file attached to an inbound message, as the platform's decoder found it: its name and what the platform's
 * {@link FileDownloader} needs to fetch it (a DingTalk {@code downloadCode}, a Feishu {@code file_key}, a WeCom
 * {@code url} and {@code aeskey}). The keys are opaque outside the platform's package.
 *
 * @param fileName the name as sent, cut to {@value #MAX_NAME_CHARS} characters
 * @param size the size the platform states, or -1 when it states none
 * @param keys the platform's references to the file
 */
public record Attachment(String fileName, long size, Map<String, String> keys) {
  /** The longest file name kept. */
  public static final int MAX_NAME_CHARS = 200;

  public Attachment {
    fileName = fileName == null ? "" : fileName.strip();
    fileName = fileName.length() > MAX_NAME_CHARS ? fileName.substring(0, MAX_NAME_CHARS) : fileName;
    keys = Map.copyOf(Objects.requireNonNull(keys, "keys"));
  }

  /** The key the platform's downloader stored under {@code name}, or an empty string. */
  public String key(String name) {
    return keys.getOrDefault(name, "");
  }
}
