package io.zwgk.bot.chat.feishu;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.zwgk.bot.chat.Attachment;
import io.zwgk.bot.chat.FileDownloader;
import io.zwgk.bot.chat.FileFetch;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.PlatformException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Downloads a file sent to a Feishu robot: {@code GET /open-apis/im/v1/messages/{message_id}/resources/{file_key}
 * ?type=file} with the receiving app's {@code tenant_access_token} (the app needs the permission to read the
 * resources of messages it receives), only from the configured API base or Feishu's and Lark's own hosts.
 */
final class FeishuFileDownloader implements FileDownloader {
  static final String FILE_KEY = "file_key";
  static final String MESSAGE_ID = "message_id";
  /** What a message id or file key may hold: they go into the URL path. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  static final List<String> FILE_DOMAINS = List.of("feishu.cn", "larksuite.com");

  private final String apiBase;
  private final Function<String, FeishuApiClient> apps;
  private final FileFetch fetch;

  /** @param apps the API client of a robot by name, null for none */
  FeishuFileDownloader(String apiBase, Function<String, FeishuApiClient> apps, FileFetch fetch) {
    this.apiBase = apiBase;
    this.apps = apps;
    this.fetch = fetch;
  }

  @Override
  public Future<Buffer> download(InboundMessage message, Attachment file, long maxBytes) {
    FeishuApiClient app = apps.apply(message.robot());
    String messageId = file.key(MESSAGE_ID);
    String fileKey = file.key(FILE_KEY);
    if (app == null || !ID.matcher(messageId).matches() || !ID.matcher(fileKey).matches()) {
      return Future.failedFuture(PlatformException.local(FeishuResponses.PLATFORM,
          "no feishu app or no valid message_id/file_key to download from"));
    }
    String url = apiBase + "/open-apis/im/v1/messages/" + messageId + "/resources/" + fileKey + "?type=file";
    return app.token().compose(token -> fetch.get(url, MultiMap.caseInsensitiveMultiMap()
        .add("Authorization", "Bearer " + token), maxBytes));
  }
}
