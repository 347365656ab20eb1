package io.zwgk.bot.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile input for fuzz tests: random bytes, invalid UTF-8, huge strings, deeply nested JSON,
 * emoji and control characters, lone surrogates, and mutations of a valid JSON template (fields removed, retyped,
 * replaced by any of the above). The same seed gives the same sequence, so a failing case can be replayed.
 */
public final class HostileInput {
  private static final String[] EMOJI = {"😀", "👨‍👩‍👧‍👦", "🇨🇳", "🏳️‍🌈", "👍🏽", "🀄", "㊙️", "𠀀", "𪚥"};
  private static final char[] SPECIAL = {'\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u001B', '\u007F',
      '\u0085', '\u00A0', '\u200B', '\u200D', '\u2028', '\u2029', '\u202E', '\u2060', '\u3000', '\uFEFF', '\uFFFD',
      '\uFFFF', '\uD800', '\uDC00', '"', '\\', '/', '{', '}', '[', ']', ':', ',', '@', '%', '+', '='};
  private static final String[] WORDS = {"完成率", "排名", "绑定", "解绑", "帮助", "县水利局", "大阿镇政府", "乡镇",
      "县直单位", "后五名", "概况", "工作日", "待办", "逾期", "收到", "暂停提醒", "栏目", "已更新", "@机器人", "null",
      "true", "0", "-1", "1e309", "NaN", "<script>", "' OR 1=1 --", "${jndi:ldap://x}", "%00", "../../etc/passwd"};
  private static final byte[][] BAD_UTF8 = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
      {(byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};

  /** Stands for a deeply nested value until the mutated template is encoded (Jackson would not write it). */
  private static final String DEEP = "@@deep@@";

  private final Random random;

  /** @param seed replays the same input; nearby seeds give unrelated input (the seed is mixed first) */
  public HostileInput(long seed) {
    this.random = new Random(new java.util.SplittableRandom(seed).nextLong());
  }

  public Random random() {
    return random;
  }

  /** Any hostile text, from empty to several hundred thousand characters. */
  public String text() {
    return switch (random.nextInt(8)) {
      case 0 -> "";
      case 1 -> huge();
      case 2 -> deepJson();
      case 3 -> new String(invalidUtf8(), StandardCharsets.UTF_8);
      case 4 -> new String(randomBytes(), StandardCharsets.ISO_8859_1);
      default -> mixed(1 + random.nextInt(random.nextBoolean() ? 20 : 400));
    };
  }

  /** Any hostile body: raw bytes, invalid UTF-8, or the UTF-8 of {@link #text()}. */
  public byte[] bytes() {
    return switch (random.nextInt(4)) {
      case 0 -> randomBytes();
      case 1 -> invalidUtf8();
      default -> text().getBytes(StandardCharsets.UTF_8);
    };
  }

  /** Hostile text up to {@code maxBytes} of UTF-8 (for bodies that must stay under a size limit). */
  public byte[] bytes(int maxBytes) {
    byte[] b = bytes();
    return b.length <= maxBytes ? b : java.util.Arrays.copyOf(b, maxBytes);
  }

  /** The template with one to four random mutations, encoded (it may no longer be an object or valid JSON). */
  public String mutate(JsonObject template) {
    if (random.nextInt(10) == 0) {
      return text();
    }
    JsonObject copy = template.copy();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      mutateSomewhere(copy);
    }
    String json = copy.encode().replace("\"" + DEEP + "\"", closedDeepJson());
    return random.nextInt(8) == 0 ? json.substring(0, random.nextInt(json.length() + 1)) : json;
  }

  /** Mixed words, emoji, controls, surrogates and random code points. */
  public String mixed(int pieces) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      switch (random.nextInt(5)) {
        case 0 -> sb.append(EMOJI[random.nextInt(EMOJI.length)]);
        case 1 -> sb.append(SPECIAL[random.nextInt(SPECIAL.length)]);
        case 2 -> sb.append(WORDS[random.nextInt(WORDS.length)]);
        case 3 -> sb.append(' ');
        default -> sb.appendCodePoint(randomCodePoint());
      }
    }
    return sb.toString();
  }

  /** A string of 5,000 to 200,000 characters: one repeated piece, or random ones (up to 20,000). */
  public String huge() {
    int length = 5_000 + random.nextInt(195_000);
    if (random.nextInt(4) > 0) {
      String piece = mixed(1 + random.nextInt(3));
      return piece.repeat(Math.max(1, length / Math.max(1, piece.length())));
    }
    return mixed(2_500 + random.nextInt(7_500));
  }

  /** JSON nested 100 to 100,000 levels deep, closed or not. */
  public String deepJson() {
    int depth = 100 + random.nextInt(random.nextBoolean() ? 2_000 : 100_000);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return open.repeat(depth) + (random.nextBoolean() ? "1" + close.repeat(depth) : "");
  }

  private String closedDeepJson() {
    int depth = 500 + random.nextInt(5_000);
    return "[".repeat(depth) + "1" + "]".repeat(depth);
  }

  public byte[] randomBytes() {
    byte[] b = new byte[random.nextInt(random.nextBoolean() ? 64 : 20_000)];
    random.nextBytes(b);
    return b;
  }

  /** Valid UTF-8 text with malformed sequences (overlong, surrogates, truncated, out of range) spliced in. */
  public byte[] invalidUtf8() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
      byte[] piece = random.nextBoolean() ? BAD_UTF8[random.nextInt(BAD_UTF8.length)]
          : WORDS[random.nextInt(WORDS.length)].getBytes(StandardCharsets.UTF_8);
      out.writeBytes(piece);
    }
    return out.toByteArray();
  }

  /** Base64 of random bytes, of a length chosen to reach past the length checks of AES decryption. */
  public String base64() {
    int blocks = random.nextInt(8);
    byte[] b = new byte[random.nextInt(4) == 0 ? random.nextInt(100) : 16 * blocks + (random.nextBoolean() ? 0 : 16)];
    random.nextBytes(b);
    String s = Base64.getEncoder().encodeToString(b);
    return random.nextInt(6) == 0 ? s + mixed(2) : s;
  }

  /** Any JSON value, including hostile strings and deep nesting. */
  public Object value() {
    return switch (random.nextInt(12)) {
      case 0 -> null;
      case 1 -> random.nextInt();
      case 2 -> random.nextLong();
      case 3 -> random.nextDouble() * 1e300;
      case 4 -> random.nextBoolean();
      case 5 -> new JsonArray(List.of(mixed(3), random.nextInt()));
      case 6 -> new JsonObject().put(mixed(2), mixed(3));
      case 7 -> huge();
      case 8 -> random.nextBoolean() ? nested(1 + random.nextInt(50)) : DEEP;
      default -> mixed(1 + random.nextInt(30));
    };
  }

  private Object nested(int depth) {
    Object v = mixed(2);
    for (int i = 0; i < depth; i++) {
      v = random.nextBoolean() ? new JsonArray().add(v) : new JsonObject().put("k", v);
    }
    return v;
  }

  private void mutateSomewhere(JsonObject root) {
    JsonObject target = root;
    for (int hops = random.nextInt(3); hops > 0; hops--) {
      List<JsonObject> children = new ArrayList<>();
      target.forEach(e -> {
        if (e.getValue() instanceof JsonObject o) {
          children.add(o);
        }
      });
      if (children.isEmpty()) {
        break;
      }
      target = children.get(random.nextInt(children.size()));
    }
    List<String> keys = new ArrayList<>(target.fieldNames());
    String key = keys.isEmpty() || random.nextInt(6) == 0 ? mixed(2) : keys.get(random.nextInt(keys.size()));
    if (random.nextInt(5) == 0) {
      target.remove(key);
    } else {
      target.put(key, value());
    }
  }

  private int randomCodePoint() {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(0x80);
      case 1 -> 0x4E00 + random.nextInt(0x9FFF - 0x4E00);
      case 2 -> 0x10000 + random.nextInt(0x10FFFF - 0x10000);
      default -> random.nextInt(0x10000);
    };
  }
}
