package org.kronika.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kronika.model.Article;

/**
 * Finds direct quotations in “…”, «…», „…“ and "…" and who said them. A quotation is a
 * quoted stretch of at least {@value #MIN_WORDS} words within one paragraph (shorter quoted
 * words are titles or scare quotes). Its speaker is the person named in the reporting clause
 * after it ({@code "…," Zelenskyy noted}; {@code "…", — заявив Зеленський}) or before it
 * ({@code Quote from Rutte: "…"}; {@code За словами Зеленського, "…"}); a pronoun there
 * ({@code сказал он}, {@code на його думку}) means the person last named before the quotation, and a role noun
 * ({@code the president}, {@code глава держави}) the person the article gives that role.
 * Reporting patterns come from a registry by language ({@link ReportingLanguages}).
 * Cost: one pass over the text plus a look at a sentence around each quotation. Thread-safe.
 */
public final class QuoteFinder {
  private static final int MIN_WORDS = 4;
  private static final int REACH = 160;
  private static final int ROLE_TO_NAME = 40;
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’\\-]*");

  /**
   * A named entity of the text, a possible speaker.
   *
   * @param type PER, ORG, LOC or MISC; persons are preferred as speakers, MISC may stand in
   */
  public record Name(int start, int end, String id, String name, String type) {}

  /** The quotations of {@code text} (language {@code lang}) with speakers among {@code names}. */
  public List<Article.Quote> find(String text, String lang, List<Name> names) {
    Reporting reporting = ReportingLanguages.of(lang);
    List<Name> sorted = new ArrayList<>(names);
    sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
    Map<String, Name> roles = bindRoles(text, reporting, sorted);
    List<Article.Quote> out = new ArrayList<>();
    for (int[] span : spans(text)) {
      String quoted = text.substring(span[0] + 1, span[1]).strip().replaceAll("[,\\s]+$", "");
      if (quoted.split("\\s+").length < MIN_WORDS) {
        continue;
      }
      Name speaker = after(text, span[1] + 1, reporting, sorted, roles, span[0]);
      if (speaker == null) {
        speaker = before(text, span[0], reporting, sorted, roles);
      }
      out.add(new Article.Quote(quoted, speaker == null ? null : new Article.Speaker(speaker.id(), speaker.name())));
    }
    return out;
  }

  /** The quoted stretches: {open, close} offsets of their quotation marks, one paragraph each. */
  static List<int[]> spans(String text) {
    List<int[]> out = new ArrayList<>();
    int n = text.length();
    int lineEnd = -1;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ("«„“\"".indexOf(c) < 0) {
        continue;
      }
      if (lineEnd < i) {
        lineEnd = text.indexOf('\n', i);
        lineEnd = lineEnd < 0 ? n : lineEnd;
      }
      int close = switch (c) {
        case '«' -> matchingGuillemet(text, i, lineEnd);
        case '„' -> firstOf(text, i + 1, lineEnd, '“', '”');
        case '“' -> firstOf(text, i + 1, lineEnd, '”', '“');
        case '"' -> firstOf(text, i + 1, lineEnd, '"', '"');
        default -> -1;
      };
      if (close > i + 1) {
        out.add(new int[] {i, close});
        i = close;
      }
    }
    return out;
  }

  private static int matchingGuillemet(String text, int open, int lineEnd) {
    int depth = 0;
    for (int i = open; i < lineEnd; i++) {
      char c = text.charAt(i);
      if (c == '«') {
        depth++;
      } else if (c == '»' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The first {@code preferred} in the range, else the first {@code other}; -1 when neither. */
  private static int firstOf(String text, int from, int to, char preferred, char other) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == preferred) {
        return i;
      }
    }
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == other) {
        return i;
      }
    }
    return -1;
  }

  /** The speaker named in a reporting clause after the quotation, or {@code null}. */
  private Name after(String text, int from, Reporting reporting, List<Name> names,
                     Map<String, Name> roles, int quoteOpen) {
    int end = from;
    int limit = Math.min(text.length(), from + REACH);
    while (end < limit && ".!?\n«„“\"".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    String clause = text.substring(from, end).toLowerCase(Locale.ROOT);
    if (!hasVerb(clause, reporting)) {
      return null;
    }
    Name named = firstName(text, reporting, names, from, end);
    return named != null ? named : byRoleOrPronoun(clause, reporting, names, roles, quoteOpen);
  }

  /** The speaker named in the sentence before the quotation when it reports speech, or {@code null}. */
  private Name before(String text, int open, Reporting reporting, List<Name> names, Map<String, Name> roles) {
    int start = open;
    int limit = Math.max(0, open - REACH);
    while (start > limit && ".!?\n".indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    String clause = text.substring(start, open).toLowerCase(Locale.ROOT);
    boolean reports = clause.strip().endsWith(":") || hasVerb(clause, reporting)
        || reporting.sourceIntros().stream().anyMatch(clause::contains);
    if (!reports) {
      return null;
    }
    Name named = lastName(text, reporting, names, start, open);
    return named != null ? named : byRoleOrPronoun(clause, reporting, names, roles, start);
  }

  private static boolean hasVerb(String clause, Reporting reporting) {
    Matcher m = WORD.matcher(clause);
    while (m.find()) {
      if (reporting.isVerb(m.group())) {
        return true;
      }
    }
    return false;
  }

  /** A role noun's holder as the article names them, else a pronoun's antecedent. */
  private static Name byRoleOrPronoun(String clause, Reporting reporting, List<Name> names,
                                      Map<String, Name> roles, int before) {
    List<String> words = words(clause);
    for (Map.Entry<String, List<List<String>>> role : reporting.roles().entrySet()) {
      for (List<String> phrase : role.getValue()) {
        if (indexOf(words, phrase) >= 0 && roles.containsKey(role.getKey())) {
          return roles.get(role.getKey());
        }
      }
    }
    for (String w : words) {
      if (reporting.pronouns().contains(w)) {
        return lastPerson(names, before);
      }
    }
    return null;
  }

  /**
   * Who holds each role in this article: the person named right after the role noun
   * ("генеральним секретарем НАТО Марком Рютте", "President Zelenskyy"); the first such wins.
   */
  private static Map<String, Name> bindRoles(String text, Reporting reporting, List<Name> names) {
    Map<String, Name> out = new HashMap<>();
    List<int[]> wordSpans = new ArrayList<>();
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      wordSpans.add(new int[] {m.start(), m.end()});
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    for (Map.Entry<String, List<List<String>>> role : reporting.roles().entrySet()) {
      for (List<String> phrase : role.getValue()) {
        for (int at = indexOf(words, phrase, 0); at >= 0 && !out.containsKey(role.getKey());
             at = indexOf(words, phrase, at + 1)) {
          int phraseEnd = wordSpans.get(at + phrase.size() - 1)[1];
          Name next = firstName(text, reporting, names, phraseEnd, Math.min(text.length(), phraseEnd + ROLE_TO_NAME));
          if (next != null && "PER".equals(next.type())) {
            out.put(role.getKey(), next);
          }
        }
      }
    }
    return out;
  }

  private static List<String> words(String clause) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(clause);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static int indexOf(List<String> words, List<String> phrase) {
    return indexOf(words, phrase, 0);
  }

  /** The first index from {@code from} where the words begin with the phrase's word beginnings. */
  private static int indexOf(List<String> words, List<String> phrase, int from) {
    outer:
    for (int i = from; i + phrase.size() <= words.size(); i++) {
      for (int j = 0; j < phrase.size(); j++) {
        if (!words.get(i + j).startsWith(phrase.get(j))) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The first person within {@code from..to}; failing one, a MISC name right next to a speech verb. */
  private static Name firstName(String text, Reporting reporting, List<Name> names, int from, int to) {
    return personWithin(text, reporting, names, from, to, false);
  }

  /** The last person within {@code from..to}; failing one, a MISC name right next to a speech verb. */
  private static Name lastName(String text, Reporting reporting, List<Name> names, int from, int to) {
    return personWithin(text, reporting, names, from, to, true);
  }

  /**
   * The person nearest the start (or, {@code fromEnd}, the end) of {@code from..to}; failing
   * one, a MISC name right next to a speech verb ("said Rutte"), as a surname alone may not
   * have been typed.
   */
  private static Name personWithin(String text, Reporting reporting, List<Name> names, int from, int to,
                                   boolean fromEnd) {
    Name fallback = null;
    for (int k = 0; k < names.size(); k++) {
      Name n = names.get(fromEnd ? names.size() - 1 - k : k);
      if (n.start() >= from && n.end() <= to) {
        if ("PER".equals(n.type())) {
          return n;
        } else if (fallback == null && "MISC".equals(n.type()) && nextToVerb(text, reporting, n)) {
          fallback = n;
        }
      }
    }
    return fallback;
  }

  /** The last person named before {@code before}: whom a pronoun refers to. */
  private static Name lastPerson(List<Name> names, int before) {
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).end() <= before && "PER".equals(names.get(i).type())) {
        return names.get(i);
      }
    }
    return null;
  }

  /** Whether the word just before or just after a name is a speech verb. */
  private static boolean nextToVerb(String text, Reporting reporting, Name n) {
    Matcher after = WORD.matcher(text).region(n.end(), Math.min(text.length(), n.end() + 40));
    if (after.find() && text.substring(n.end(), after.start()).isBlank()
        && reporting.isVerb(after.group().toLowerCase(Locale.ROOT))) {
      return true;
    }
    int from = Math.max(0, n.start() - 40);
    Matcher before = WORD.matcher(text.substring(from, n.start()));
    String last = null;
    int lastEnd = 0;
    while (before.find()) {
      last = before.group();
      lastEnd = before.end();
    }
    return last != null && text.substring(from + lastEnd, n.start()).isBlank()
        && reporting.isVerb(last.toLowerCase(Locale.ROOT));
  }
}
