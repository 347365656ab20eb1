package io.zwgk.bot.monitor;

import io.zwgk.bot.monitor.Fetch.Failed;
import io.zwgk.bot.monitor.Fetch.Problem;
import io.zwgk.bot.monitor.SiteFetcher.StatusException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Classifies why a request failed: HTTP status, timeout, DNS or connection. Pure. */
final class Failures {
  private Failures() {
  }

  static Failed of(String url, Throwable e) {
    if (e instanceof StatusException s) {
      return new Failed(url, Problem.HTTP_STATUS, s.status(), "");
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (t instanceof UnknownHostException || message.contains("failed to resolve")
          || t.getClass().getSimpleName().contains("DnsNameResolver")) {
        return new Failed(url, Problem.DNS, 0, String.valueOf(t.getMessage()));
      }
      if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")
          || message.contains("timeout period") || message.contains("timed out")) {
        return new Failed(url, Problem.TIMEOUT, 0, String.valueOf(t.getMessage()));
      }
      if (t instanceof ConnectException) {
        return new Failed(url, Problem.CONNECTION, 0, String.valueOf(t.getMessage()));
      }
    }
    return new Failed(url, Problem.CONNECTION, 0, String.valueOf(e.getMessage()));
  }
}
