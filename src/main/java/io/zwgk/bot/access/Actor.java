package io.zwgk.bot.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is acting: a chat user (the platform, their user id and name, whether they are 政务公开办 staff, the unit they
 * are bound to) or a script holding the admin token. Every use case takes one and asks {@link Access} whether it may.
 *
 * @param channel the platform name ({@code dingtalk}, {@code wecom}, {@code feishu}) or {@code admin} (the admin token)
 * @param userId the platform user id, empty when unknown (and for the admin token)
 * @param name the display name, empty when unknown
 * @param office whether the actor is office staff (bot-config {@code office.yaml}) or the admin token
 * @param unit the unit the actor is bound to, if any
 */
public record Actor(String channel, String userId, String name, boolean office, Optional<String> unit) {
  /** The admin API's actor: office rights, no unit. */
  public static final Actor API = new Actor("admin", "", "管理接口", true, Optional.empty());

  /** The admin API's actor naming who is behind the script, as the request body says. */
  public static Actor admin(String userId, String name) {
    return new Actor(API.channel(), userId, name, true, Optional.empty());
  }

  public Actor {
    Objects.requireNonNull(channel, "channel");
    userId = userId == null ? "" : userId;
    name = name == null ? "" : name;
    Objects.requireNonNull(unit, "unit");
  }

  /** How records name the actor: the display name, else the user id, else the channel. */
  public String who() {
    return !name.isBlank() ? name : !userId.isBlank() ? userId : channel;
  }
}
