package io.zwgk.bot.chat.dingtalk;

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

/**
 * Downloads a file sent to a DingTalk app robot: the receiving robot's OpenAPI turns the message's
 * {@code downloadCode} into a short-lived URL ({@code POST /v1.0/robot/messageFiles/download}, which needs the
 * robot's {@code clientId}/{@code clientSecret}), fetched only from DingTalk's own hosts or the configured API base.
 */
final class DingTalkFileDownloader implements FileDownloader {
  /** Where DingTalk serves robot message files: its own domain and Alibaba Cloud object storage. */
  static final List<String> FILE_DOMAINS = List.of("dingtalk.com", "aliyuncs.com");

  private final Map<String, DingTalkOpenApiClient> openApi;
  private final FileFetch fetch;

  /** @param openApi the OpenAPI client per robot name (robots without {@code clientId} have none) */
  DingTalkFileDownloader(Map<String, DingTalkOpenApiClient> openApi, FileFetch fetch) {
    this.openApi = Map.copyOf(openApi);
    this.fetch = fetch;
  }

  @Override
  public Future<Buffer> download(InboundMessage message, Attachment file, long maxBytes) {
    DingTalkOpenApiClient client = openApi.get(message.robot());
    if (client == null) {
      return Future.failedFuture(PlatformException.local(DingTalkApiErrors.PLATFORM, "robot " + message.robot()
          + " has no clientId/clientSecret, so files sent to it cannot be downloaded"));
    }
    return client.fileUrl(file.key(DingTalkCallbackDecoder.DOWNLOAD_CODE))
        .compose(url -> fetch.get(url, MultiMap.caseInsensitiveMultiMap(), maxBytes));
  }
}
