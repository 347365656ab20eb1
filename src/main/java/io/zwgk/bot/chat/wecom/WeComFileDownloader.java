package io.zwgk.bot.chat.wecom;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.zwgk.bot.chat.Attachment;
import io.zwgk.bot.chat.FileDownloader;
import io.zwgk.bot.chat.FileFetch;
import io.zwgk.bot.chat.FileTooLargeException;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.config.RobotConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Downloads a file sent to a 智能机器人 one-to-one: GETs the message's {@code file.url} (only from WeCom's and
 * Tencent Cloud's hosts, or the configured API base) and decrypts it ({@link WeComFileCrypto}) with the message's
 * {@code aeskey}, or else with the receiving robot's EncodingAESKey.
 */
final class WeComFileDownloader implements FileDownloader {
  static final String URL = "url";
  static final String AES_KEY = "aeskey";
  /** Where WeCom serves files robots receive: its own domain and Tencent Cloud object storage. */
  static final List<String> FILE_DOMAINS = List.of("qq.com", "myqcloud.com");
  /** The ciphertext is at most one padding block longer than the file. */
  private static final int PADDING = 32;

  private final Map<String, Optional<String>> robotKeys;
  private final FileFetch fetch;

  WeComFileDownloader(List<RobotConfig> robots, FileFetch fetch) {
    this.robotKeys = robots.stream().collect(Collectors.toUnmodifiableMap(RobotConfig::name,
        r -> r.credential("encodingAesKey")));
    this.fetch = fetch;
  }

  @Override
  public Future<Buffer> download(InboundMessage message, Attachment file, long maxBytes) {
    Optional<String> key = Optional.of(file.key(AES_KEY)).filter(k -> !k.isEmpty())
        .or(() -> robotKeys.getOrDefault(message.robot(), Optional.empty()));
    if (key.isEmpty()) {
      return Future.failedFuture(PlatformException.local(WeComMessageDecoder.PLATFORM,
          "no aeskey for a file sent to robot " + message.robot()));
    }
    return fetch.get(file.key(URL), MultiMap.caseInsensitiveMultiMap(), maxBytes + PADDING)
        .compose(cipher -> decrypted(cipher, key.get(), maxBytes));
  }

  private static Future<Buffer> decrypted(Buffer cipher, String key, long maxBytes) {
    byte[] plain;
    try {
      plain = WeComFileCrypto.decrypt(cipher.getBytes(), key);
    } catch (WeComCryptoException e) {
      return Future.failedFuture(e);
    }
    return plain.length > maxBytes ? Future.failedFuture(new FileTooLargeException(maxBytes))
        : Future.succeededFuture(Buffer.buffer(plain));
  }
}
