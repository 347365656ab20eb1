package io.zwgk.bot.http;

import io.vertx.core.json.JsonObject;

/**
 * A failure with a status and a plain-language message for the caller, optionally with structured details (e.g. the
 * rejected rows of an import).
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final transient JsonObject details;

  public ApiException(int status, String message) {
    this(status, message, null);
  }

  public ApiException(int status, String message, JsonObject details) {
    super(message, null, false, false);
    this.status = status;
    this.details = details;
  }

  public int status() {
    return status;
  }

  /** Extra fields merged into the error body, or null. */
  public JsonObject details() {
    return details;
  }
}
