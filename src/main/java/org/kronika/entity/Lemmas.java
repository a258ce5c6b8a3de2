package org.kronika.entity;

import java.util.Locale;

/** Small repairs that make a lemma agree with the way its mention is written. Stateless. */
final class Lemmas {
  private Lemmas() {}

  /**
   * The lemma with each word's first letter cased as in the surface (Европейского Союза →
   * Европейский Союз, not союз; евросоюза → евросоюз), ё or е as the surface writes it, and a
   * word in capitals kept so where it is its own lemma (МОСКВА). Words are paired only when
   * surface and lemma have as many.
   */
  static String matchCase(String surface, String lemma) {
    String[] s = surface.split(" ");
    String[] l = lemma.split(" ", -1);
    if (s.length != l.length) {
      return lemma;
    }
    StringBuilder out = new StringBuilder(lemma.length());
    for (int w = 0; w < l.length; w++) {
      String word = l[w];
      if (s[w].length() > 1 && s[w].equals(s[w].toUpperCase(Locale.ROOT)) && s[w].equalsIgnoreCase(word)) {
        word = s[w]; // МОСКВА, PRAHA in a dateline: a word in capitals that is its own lemma stays so
      } else if (!word.isEmpty() && !s[w].isEmpty()) {
        char first = Character.isUpperCase(s[w].charAt(0)) ? Character.toUpperCase(word.charAt(0))
            : Character.toLowerCase(word.charAt(0));
        word = first + word.substring(1);
      }
      out.append(w == 0 ? "" : " ").append(keepYo(s[w], word));
    }
    return out.toString();
  }

  private static String keepYo(String surface, String lemma) {
    String lower = surface.toLowerCase(Locale.ROOT);
    if (lower.indexOf('ё') < 0 && lemma.indexOf('ё') < 0 && lemma.indexOf('Ё') < 0) {
      return lemma;
    }
    char[] out = lemma.toCharArray();
    for (int i = 0; i < Math.min(out.length, lower.length()); i++) {
      if (lower.charAt(i) == 'ё' && (out[i] == 'е' || out[i] == 'Е')) {
        out[i] = out[i] == 'е' ? 'ё' : 'Ё';
      } else if (lower.charAt(i) == 'е' && (out[i] == 'ё' || out[i] == 'Ё')) {
        out[i] = out[i] == 'ё' ? 'е' : 'Е'; // Соединенные Штаты, as written, not the list's Соединённые
      }
    }
    return new String(out);
  }
}
