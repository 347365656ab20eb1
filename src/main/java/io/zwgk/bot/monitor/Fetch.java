package io.zwgk.bot.monitor;

import io.vertx.core.buffer.Buffer;
import java.util.Objects;

/** The outcome of one request of the crawler. */
sealed interface Fetch {
  String url();

  /** The server answered 2xx (after redirects). {@code body} is empty for HEAD. */
  record Ok(String url, int status, String contentType, Buffer body) implements Fetch {
    public Ok {
      Objects.requireNonNull(url, "url");
      contentType = contentType == null ? "" : contentType;
      body = body == null ? Buffer.buffer() : body;
    }
  }

  /** The target does not work: what went wrong, the HTTP status when there was one (else 0). */
  record Failed(String url, Problem problem, int status, String detail) implements Fetch {
    public Failed {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(problem, "problem");
    }

    /** A short Chinese description for evidence, e.g. {@code HTTP 404}, {@code 超时}. */
    String describe() {
      return switch (problem) {
        case HTTP_STATUS -> "HTTP " + status;
        case TIMEOUT -> "请求超时";
        case DNS -> "域名无法解析";
        case CONNECTION -> "无法连接";
        case REDIRECTS -> "重定向过多";
        case UNDECODABLE -> "图片无法解码";
      };
    }
  }

  /** Not requested, on purpose. */
  record Skipped(String url, SkipReason reason) implements Fetch {
    public Skipped {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a target does not work. */
  enum Problem { HTTP_STATUS, TIMEOUT, DNS, CONNECTION, REDIRECTS, UNDECODABLE }

  /** Why a target was not requested. */
  enum SkipReason {
    /** Its host is not in allowedHosts. */
    OUTSIDE_HOSTS,
    /** robots.txt disallows it. */
    ROBOTS,
    /** The run's page budget is spent. */
    BUDGET,
    /** Not a usable http(s) address. */
    BAD_ADDRESS
  }
}
