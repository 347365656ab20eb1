package io.zwgk.bot.chat.feishu;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.OutboundMessage;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders an {@link OutboundMessage} (markdown subset: {@code **bold**} and line breaks) as Feishu message content.
 *
 * <p>Choice of message type. Feishu {@code text} shows no formatting at all, so the markers would be noise. Through the
 * OpenAPI (reply and send) we use {@code post} rich text: one paragraph per line, {@code **…**} spans as text
 * elements with {@code "style":["bold"]}, headings ({@code # …}) as bold paragraphs, and mentions as
 * {@code {"tag":"at","user_id":"ou_…"}} elements at the head of the first paragraph, which notify like a typed
 * @-mention. A post larger than the API's 30 KB post limit falls back to {@code text} (150 KB). Custom bots ignore
 * {@code style}, so a post would lose the bold anyway: they get {@code text} with the markers removed and mentions as
 * {@code <at user_id="ou_…"></at>}. Cards ({@code interactive}, {@code lark_md}) would render bold in both, but they
 * mention with another syntax ({@code <at id=…>}) whose notification behaviour our protocol notes do not document, and
 * for reminders a mention that notifies matters more than bold; they are not used.
 *
 * <p>Only open_ids (and {@code all}) can be mentioned; ids with characters outside {@code [A-Za-z0-9_-]} are dropped
 * so they cannot break the markup. Feishu has no mention by mobile number: {@link OutboundMessage#atMobiles()} is
 * ignored.
 */
final class FeishuMessages {
  static final int API_POST_LIMIT_BYTES = 30 * 1024;

  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final String BOLD = "**";

  private FeishuMessages() {
  }

  /** {@code msg_type} and {@code content} (a JSON string) for the im/v1 reply and send APIs. */
  static JsonObject apiBody(OutboundMessage message) {
    String post = post(message).encode();
    if (post.getBytes(UTF_8).length <= API_POST_LIMIT_BYTES) {
      return new JsonObject().put("msg_type", "post").put("content", post);
    }
    return new JsonObject().put("msg_type", "text")
        .put("content", new JsonObject().put("text", text(message)).encode());
  }

  /** The custom-bot body without {@code timestamp}/{@code sign}: {@code content} is an object there. */
  static JsonObject customBotBody(OutboundMessage message) {
    return new JsonObject().put("msg_type", "text").put("content", new JsonObject().put("text", text(message)));
  }

  /** Post content {@code {"zh_cn":{"content":[[…],…]}}}. */
  static JsonObject post(OutboundMessage message) {
    List<String> lines = message.markdown().lines().toList();
    JsonArray paragraphs = new JsonArray();
    for (int i = 0; i < Math.max(1, lines.size()); i++) {
      JsonArray paragraph = new JsonArray();
      if (i == 0) {
        for (String id : ids(message)) {
          paragraph.add(new JsonObject().put("tag", "at").put("user_id", id)).add(textElement(" ", false));
        }
      }
      paragraph.addAll(spans(lines.isEmpty() ? "" : lines.get(i)));
      paragraphs.add(paragraph.isEmpty() ? new JsonArray().add(textElement("", false)) : paragraph);
    }
    return new JsonObject().put("zh_cn", new JsonObject().put("content", paragraphs));
  }

  /** Plain text: {@code <at>} tags for the mentions, then the markdown without markers. */
  static String text(OutboundMessage message) {
    StringBuilder out = new StringBuilder();
    for (String id : ids(message)) {
      out.append("<at user_id=\"").append(id).append("\"></at> ");
    }
    List<String> lines = message.markdown().lines()
        .map(line -> HEADING.matcher(line).replaceFirst("").replace(BOLD, ""))
        .toList();
    return out.append(String.join("\n", lines)).toString();
  }

  private static JsonArray spans(String line) {
    JsonArray spans = new JsonArray();
    if (HEADING.matcher(line).find()) {
      String heading = HEADING.matcher(line).replaceFirst("").replace(BOLD, "");
      return heading.isEmpty() ? spans : spans.add(textElement(heading, true));
    }
    String[] parts = line.split(Pattern.quote(BOLD), -1);
    int n = parts.length;
    if (n % 2 == 0) {
      parts[n - 2] = parts[n - 2] + BOLD + parts[n - 1];
      n--;
    }
    for (int i = 0; i < n; i++) {
      if (!parts[i].isEmpty()) {
        spans.add(textElement(parts[i], i % 2 == 1));
      }
    }
    return spans;
  }

  private static JsonObject textElement(String text, boolean bold) {
    JsonObject element = new JsonObject().put("tag", "text").put("text", text);
    return bold ? element.put("style", new JsonArray().add("bold")) : element;
  }

  private static List<String> ids(OutboundMessage message) {
    return message.atUserIds().stream().filter(id -> ID.matcher(id).matches()).distinct().toList();
  }
}
