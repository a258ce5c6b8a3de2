package org.kronika.extract.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kronika.extract.Vocabulary;

/**
 * What site chrome says, for the text path: the words of navigation and share bars, the phrases
 * that open ads, photo credits, calls to follow or support a site, and list headers such as
 * "Recent news", plus the function words whose density tells running prose from link text. The
 * words are in the shared per-language {@link Vocabulary} files (English, Ukrainian and Russian in
 * full, a few others with function words and the commonest labels); the language-independent
 * patterns (times, URLs, glued tag runs, counters) live in {@link LineClassifier}. Lookups are
 * against the union of all languages, so a page needs no language identification first and a
 * language without an entry still gets the shared patterns. Immutable and thread-safe.
 */
final class ChromeVocabulary {
  private static final Set<String> NAVIGATION = union("navigation");
  private static final Set<String> BAR_WORDS = union("bar-words");
  private static final Set<String> LIST_HEADERS = union("list-headers");
  private static final Set<String> ENDINGS = union("endings");
  /** How many words may narrow a list header to a section: "most read" + "in world news". */
  private static final int MAX_SECTION_WORDS = 3;
  private static final Pattern COUNTED_THREAD =
      Pattern.compile("\\d+ (?:thoughts?|responses?|comments?|replies|reply) (?:on|to) ");
  private static final List<String> COMMENT_STEMS = List.of("comment", "reply", "conversation", "коментар", "комментар");
  private static final Set<String> FUNCTION_WORDS = union("function-words");
  private static final Set<String> CALLS = union("calls");
  private static final List<String> CHROME_STARTS = List.copyOf(union("chrome-starts"));
  private static final List<String> PHRASES = List.copyOf(union("chrome-phrases"));
  private static final Set<String> CHANNELS =
      Set.of("telegram", "viber", "youtube", "facebook", "instagram", "twitter", "whatsapp", "tiktok");
  /** Function words and bar words in one table, so that a word costs one lookup. */
  private static final Map<String, Integer> WORD_ROLES = wordRoles();
  static final int FUNCTION_WORD = 1;
  static final int BAR_WORD = 2;
  /** Chrome openings by their first character, so that a line is compared with few of them. */
  private static final Map<Character, List<String>> CHROME_STARTS_BY_CHAR = byFirstChar(CHROME_STARTS);

  private ChromeVocabulary() {}

  /** Whether the whole line, lower-cased and without end punctuation, is a menu or bar item. */
  static boolean isNavigation(String key) {
    return NAVIGATION.contains(key);
  }

  /**
   * Whether the lower-cased line heads a list of other articles, also when narrowed to a
   * section: "Most read in World", "Latest news from Ukraine".
   */
  static boolean isListHeader(String key) {
    return LIST_HEADERS.contains(key) || isSectionHeader(key);
  }

  /** Whether the lower-cased line heads what only follows an article: a news feed, comments. */
  static boolean isEnding(String key) {
    return ENDINGS.contains(key) || isCountedThread(key);
  }

  /** A comment thread's header that counts it: "10 thoughts on “Title”", "3 responses to ...". */
  private static boolean isCountedThread(String key) {
    return !key.isEmpty() && Character.isDigit(key.charAt(0)) && COUNTED_THREAD.matcher(key).lookingAt();
  }

  /** A list header followed by at most a few words naming a section or topic. */
  private static boolean isSectionHeader(String key) {
    int spaces = 0;
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == ' ') {
        spaces++;
      }
    }
    int words = 0;
    for (int space = key.indexOf(' '); space > 0; space = key.indexOf(' ', space + 1)) {
      words++;
      if (spaces - words < MAX_SECTION_WORDS && LIST_HEADERS.contains(key.substring(0, space))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the lower-cased line heads a comment thread, after which no article text comes. */
  static boolean isCommentHeader(String key) {
    if (isCountedThread(key)) {
      return true;
    }
    if (!ENDINGS.contains(key)) {
      return false;
    }
    for (String stem : COMMENT_STEMS) {
      if (key.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  /** What a lower-cased word is here: a bit set of {@link #FUNCTION_WORD} and {@link #BAR_WORD}. */
  static int role(String lowerWord) {
    return WORD_ROLES.getOrDefault(lowerWord, 0);
  }

  /** Whether a lower-cased line opens the way ads, captions, share bars and promos do. */
  static boolean startsLikeChrome(String lower) {
    if (lower.isEmpty()) {
      return false;
    }
    for (String start : CHROME_STARTS_BY_CHAR.getOrDefault(lower.charAt(0), List.of())) {
      if (lower.startsWith(start)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a lower-cased line carries a photo credit or a support promo. */
  static boolean hasChromePhrase(String lower) {
    for (String phrase : PHRASES) {
      if (lower.contains(phrase)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a line asks the reader to follow, read or subscribe on some channel ("read the
   * urgent news on our Telegram channel"): a channel name and an imperative in one line.
   */
  static boolean isChannelPromo(List<String> lowerWords) {
    boolean channel = false;
    for (String w : lowerWords) {
      channel |= CHANNELS.contains(w) || w.startsWith("телеграм");
    }
    if (!channel) {
      return false;
    }
    String joined = " " + String.join(" ", lowerWords) + " ";
    for (String call : CALLS) {
      if (joined.contains(" " + call + " ")) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Integer> wordRoles() {
    Map<String, Integer> roles = new HashMap<>();
    FUNCTION_WORDS.forEach(w -> roles.merge(w, FUNCTION_WORD, (a, b) -> a | b));
    BAR_WORDS.forEach(w -> roles.merge(w, BAR_WORD, (a, b) -> a | b));
    return Map.copyOf(roles);
  }

  private static Map<Character, List<String>> byFirstChar(List<String> phrases) {
    Map<Character, List<String>> map = new HashMap<>();
    for (String phrase : phrases) {
      map.computeIfAbsent(phrase.charAt(0), c -> new ArrayList<>()).add(phrase);
    }
    map.replaceAll((c, list) -> List.copyOf(list));
    return Map.copyOf(map);
  }

  /** A section of every language's vocabulary, lower-cased. */
  private static Set<String> union(String section) {
    Set<String> all = new HashSet<>();
    for (String s : Vocabulary.section(section)) {
      all.add(s.toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(all);
  }
}
