package org.kronika.entity;

import java.util.List;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.Token;

/**
 * Where names may be: capitalised words and acronyms, and runs of them joined by a space, a
 * hyphen or an initial's dot on one line. The same rules serve learning and recognition, so
 * the statistics learned describe exactly the candidates met later. Stateless.
 */
final class Candidates {
  static final int LONGEST_RUN = 5;

  private Candidates() {}

  /** Whether a token looks like (part of) a name: capitalised or an acronym, not a function word. */
  static boolean nameLike(Token t) {
    return t.capitalised() && Character.isLetter(t.surface().charAt(0)) && !t.stopword();
  }

  /** Whether a name (perhaps a lower-case one a gazetteer knows) may start at this token. */
  static boolean mayStartName(Token t) {
    return Character.isLetter(t.surface().charAt(0)) && !t.stopword();
  }

  static boolean isAcronym(Token t) {
    String s = t.surface();
    return s.length() > 1 && s.equals(s.toUpperCase(java.util.Locale.ROOT));
  }

  /** Whether a word ends in a possessive, which ends a name: the President's Telegram channel. */
  static boolean possessive(Token t) {
    String s = t.surface();
    return s.endsWith("'s") || s.endsWith("’s");
  }

  /** Whether two neighbouring tokens may belong to one name. */
  static boolean joined(String text, Token a, Token b) {
    int gap = b.start() - a.start() - a.surface().length();
    if (gap > 2 || gap < 0) {
      return false;
    }
    for (int i = a.end(); i < b.start(); i++) {
      char c = text.charAt(i);
      boolean ok = c == ' ' || c == '\u00a0' || c == '-' || c == '‐' || c == '\''
          || (c == '.' && a.surface().length() == 1);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether two words open in the same script: a name is written in one (Brexit Дэвид Дэвис is two names). */
  private static boolean sameScript(Token a, Token b) {
    return Character.UnicodeScript.of(a.surface().codePointAt(0)) == Character.UnicodeScript.of(b.surface().codePointAt(0));
  }

  /**
   * The end (exclusive) of the run of name-like tokens starting at {@code from}. An acronym
   * ends a run (НАТО Марком Рютте is two names), unless another acronym follows; so does a
   * possessive, and a change of script.
   */
  static int runEnd(AnalyzedText text, int from) {
    List<Token> tokens = text.tokens();
    int end = from + 1;
    while (end < tokens.size() && end - from < LONGEST_RUN && nameLike(tokens.get(end))
        && !possessive(tokens.get(end - 1))
        && !tokens.get(end).sentenceInitial()
        && !(isAcronym(tokens.get(end - 1)) && !isAcronym(tokens.get(end)))
        && sameScript(tokens.get(end - 1), tokens.get(end))
        && joined(text.text(), tokens.get(end - 1), tokens.get(end))) {
      end++;
    }
    return end;
  }
}
