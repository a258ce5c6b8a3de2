package org.kronika.extract;

import java.util.List;
import org.kronika.extract.Line.Kind;

/**
 * Picks a page's headline among the lines above its body. A headline is a line of a few to a
 * few dozen words that does not end like a sentence and is no chrome. The page's own choice
 * shows in repetition (sites print the headline above and beside the lead photo), so a repeated
 * candidate wins, the one nearest the body first; else the page's first line, as in clean
 * files that carry the title on top; else none: a sentence is never promoted to a title.
 * Stateless and thread-safe.
 */
final class Headline {
  private static final int MIN_WORDS = 2;
  private static final int MAX_WORDS = 30;
  private static final int MAX_CHARS = 250;

  private Headline() {}

  /**
   * The headline among {@code lines} above index {@code bodyStart} or on it (a clean file's
   * title line may pass for a short paragraph), or {@code null}.
   */
  static String find(List<Line> lines, int bodyStart) {
    int end = Math.min(bodyStart + 1, lines.size());
    for (int i = end - 1; i >= 0; i--) {
      Line line = lines.get(i);
      if (line.repeats > 1 && isCandidate(line)) {
        return TextCleaner.stripTime(line.text);
      }
    }
    if (end > 0 && isCandidate(lines.get(0))) {
      return TextCleaner.stripTime(lines.get(0).text);
    }
    return null;
  }

  private static boolean isCandidate(Line line) {
    int words = line.words.size();
    if (words < MIN_WORDS || words > MAX_WORDS || line.length() > MAX_CHARS) {
      return false;
    }
    boolean endsWithStop = line.endsSentence && !line.text.endsWith("?") && !line.text.endsWith("!");
    // Repetition makes a line BAD as link text, but it is the very sign of a headline.
    return !endsWithStop && (line.kind != Kind.BAD || !LineClassifier.isChrome(line));
  }
}
