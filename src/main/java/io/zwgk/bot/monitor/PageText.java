package io.zwgk.bot.monitor;

import io.zwgk.bot.ops.TextNormalizer;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The visible text of a page, one line per block element, so sentences and table rows stay apart; each line
 * {@link TextNormalizer#spaced spaced}, so zero-width characters an editor left inside a word do not hide it from the
 * scanners.
 */
final class PageText {
  private PageText() {
  }

  static String of(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          out.append(t.text());
        } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br") || e.nameIs("td"))) {
          out.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && (e.isBlock() || e.nameIs("td"))) {
          out.append('\n');
        }
      }
    }, root);
    return out.toString().lines().map(TextNormalizer::spaced)
        .filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
  }
}
