package org.kronika.language;

/** Placeholder identifier: Ukrainian letters mean uk, other Cyrillic ru, else en. */
public final class ScriptGuess implements LanguageIdentifier {
  @Override
  public String identify(String text) {
    int cyr = 0, lat = 0, ukr = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("іїєґІЇЄҐ".indexOf(c) >= 0) ukr++;
      if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) cyr++;
      else if (Character.isLetter(c)) lat++;
    }
    if (cyr > lat) return ukr > 0 ? "uk" : "ru";
    return lat > 0 ? "en" : UNKNOWN;
  }
}
