package org.kronika.quote;

import java.util.List;
import java.util.Map;

/**
 * How a language reports speech: the verbs that say something was said (as lower-case word
 * beginnings, so that inflections match: "заяв" for заявив, заявила, заявил), the phrases
 * that introduce a source ("за словами", "according to"), the personal pronouns a speaker is
 * referred to by, and role nouns ("глава держави") grouped by role, each a sequence of word
 * beginnings. Immutable.
 */
record Reporting(List<String> verbs, List<String> sourceIntros, List<String> pronouns,
                 Map<String, List<List<String>>> roles) {

  /** Whether the lower-case word is a speech verb. */
  boolean isVerb(String word) {
    for (String v : verbs) {
      if (word.startsWith(v)) {
        return true;
      }
    }
    return false;
  }
}
