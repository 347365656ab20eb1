package io.zwgk.bot.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script, run by its SHA-1 ({@code EVALSHA}) so Redis neither receives nor hashes the source on every call;
 * {@link Redis#eval} sends the source only when Redis does not know the script yet (first use, or after a restart or
 * {@code SCRIPT FLUSH}).
 *
 * @param source the Lua text
 * @param sha the lower-case hex SHA-1 of {@code source}, as Redis names the script
 */
public record Script(String source, String sha) {
  /** The script with this source. */
  public static Script of(String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return new Script(source, HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }

  @Override
  public String toString() {
    return "Script[" + sha + "]";
  }
}
