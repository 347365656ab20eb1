package io.zwgk.bot.chat;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Downloads a file a platform points to, for the platforms' {@link FileDownloader}s: only from the platform's own
 * hosts (exact origins such as the configured API base, or https hosts under the platform's domains), at most a
 * given number of bytes (a larger {@code Content-Length} is refused before the body, a longer body is cut off and
 * refused), within a timeout. Thread-safe; holds one HTTP client.
 */
public final class FileFetch {
  private final HttpClient client;
  private final ReplyOrigins origins;
  private final List<String> domains;
  private final long timeoutMs;

  /**
   * @param origins exact origins allowed (the configured API base, a test double)
   * @param domains domains whose https hosts are allowed, e.g. {@code dingtalk.com} for {@code down.dingtalk.com}
   */
  public FileFetch(Vertx vertx, ReplyOrigins origins, List<String> domains, Duration timeout) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis()));
    this.origins = origins;
    this.domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    this.timeoutMs = timeout.toMillis();
  }

  /** Whether {@code url} points to one of the allowed hosts. */
  public boolean allows(String url) {
    if (origins.allows(url)) {
      return true;
    }
    if (ReplyOrigins.origin(url).filter(o -> o.startsWith("https://")).isEmpty()) {
      return false;
    }
    String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
    return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
  }

  /** GETs {@code url} with {@code headers}: the body, or a failure (not allowed, not 200, too large, timeout). */
  public Future<Buffer> get(String url, MultiMap headers, long maxBytes) {
    if (!allows(url)) {
      return Future.failedFuture(new IllegalStateException("file download refused: "
          + ReplyOrigins.describe(url) + " is not a host of the platform"));
    }
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
        .setHeaders(headers).setIdleTimeout(timeoutMs);
    return client.request(options).compose(request -> request.send()).compose(response -> body(response, maxBytes));
  }

  private static Future<Buffer> body(HttpClientResponse response, long maxBytes) {
    if (response.statusCode() != 200) {
      response.request().reset();
      return Future.failedFuture(new IllegalStateException("file download answered HTTP " + response.statusCode()));
    }
    String length = response.getHeader("content-length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
      response.request().reset();
      return Future.failedFuture(new FileTooLargeException(maxBytes));
    }
    Capped body = new Capped(maxBytes);
    response.handler(chunk -> {
      if (!body.append(chunk)) {
        response.request().reset();
      }
    });
    return response.end().transform(ended -> body.full() ? Future.failedFuture(new FileTooLargeException(maxBytes))
        : ended.succeeded() ? Future.succeededFuture(body.buffer()) : Future.failedFuture(ended.cause()));
  }

  /** The bytes received so far, until there are more than allowed. Used on one connection's context only. */
  private static final class Capped {
    private final long max;
    private final Buffer buffer = Buffer.buffer();
    private boolean full;

    Capped(long max) {
      this.max = max;
    }

    boolean append(Buffer chunk) {
      if (full || buffer.length() + (long) chunk.length() > max) {
        full = true;
        return false;
      }
      buffer.appendBuffer(chunk);
      return true;
    }

    boolean full() {
      return full;
    }

    Buffer buffer() {
      return buffer;
    }
  }
}
