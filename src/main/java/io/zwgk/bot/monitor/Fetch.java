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

  /**
   * The server answered 2xx, but the body is longer than the cap of its Content-Type: reading stopped at the cap and
   * the connection was closed. The target works; its content was not checked.
   */
  record TooLarge(String url, int status, String contentType, long cap) implements Fetch {
    public TooLarge {
      Objects.requireNonNull(url, "url");
      contentType = contentType == null ? "" : contentType;
    }

    /** A short Chinese description, e.g. {@code 超过 5 MiB 的大小上限，已停止读取}. */
    String describe() {
      return "超过 " + size(cap) + " 的大小上限，已停止读取";
    }

    static String size(long bytes) {
      return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB"
          : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " 字节";
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
    /** Its host (or, for a port other than 80 and 443, its host:port) is not in allowedHosts. */
    OUTSIDE_HOSTS,
    /** robots.txt disallows it. */
    ROBOTS,
    /** The run's page budget is spent. */
    BUDGET,
    /** Not a usable http(s) address. */
    BAD_ADDRESS,
    /** The port of this service's own Redis or HTTP server. */
    OWN_PORT
  }
}
