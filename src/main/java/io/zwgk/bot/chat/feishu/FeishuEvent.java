package io.zwgk.bot.chat.feishu;

import com.fasterxml.jackson.databind.JsonNode;

/** A decrypted, parsed Feishu callback, before its verification token is checked. */
sealed interface FeishuEvent {
  /** The Verification Token the callback carries, or null. */
  String token();

  /** {@code url_verification}: answer {@code {"challenge": …}}. */
  record UrlVerification(String token, String challenge) implements FeishuEvent {
  }

  /**
   * An event callback.
   *
   * @param eventType the v2.0 {@code header.event_type}, or {@code null} for a v1.0 event
   * @param event the {@code event} object
   */
  record Event(String token, String eventType, JsonNode event) implements FeishuEvent {
  }
}
