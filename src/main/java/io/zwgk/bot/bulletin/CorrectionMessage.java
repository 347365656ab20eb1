package io.zwgk.bot.bulletin;

import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.ops.Markdown;

/**
 * A correction as the groups receive it: its heading, the bulletin it corrects (title, 期号, issue date), the text and
 * the issuer with the day. Every text from the bulletin and the staff is made {@linkplain Markdown#literal literal}.
 */
final class CorrectionMessage {
  private CorrectionMessage() {
  }

  static OutboundMessage of(Bulletin published, Correction c) {
    String title = Masthead.titled(published);
    String text = "## " + c.heading() + "\n\n**" + Markdown.literal(title) + "**（"
        + Narrative.day(published.issueDate()) + "印发）\n\n" + Markdown.literal(c.text()) + "\n\n"
        + Markdown.literal(Masthead.signature(published, c));
    return OutboundMessage.of(Markdown.literal(title) + c.heading(), text);
  }
}
