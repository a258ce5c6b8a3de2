package org.kronika.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * A {@link NameLexicon} over a Morfologik dictionary from LanguageTool (Ukrainian, Russian).
 * Loading costs a few megabytes and tens of milliseconds, once; a look-up a microsecond or
 * two. Thread-safe: each thread gets its own {@link DictionaryLookup}, which is not.
 */
final class MorfologikLexicon implements NameLexicon {
  private final ThreadLocal<DictionaryLookup> lookup;
  private final boolean lowerCaseEntries;
  private final Tags tags;

  /** How a dictionary's tags are read. */
  interface Tags {
    /** The kind of word a reading with this tag and lemma is. */
    Kind kind(String tag, String lemma);

    /** The dictionary form to give for a reading: by default its lemma. */
    default String lemma(String lemma, String tag) {
      return lemma;
    }

    /** The grammatical role a reading with this tag plays, or {@code null}: by default none is read. */
    default Role role(String tag) {
      return null;
    }

    /**
     * Whether a reading with this tag is a plural of a noun naming persons; {@code nominative}:
     * in the nominative. By default no reading is.
     */
    default boolean personPlural(String tag, boolean nominative) {
      return false;
    }

    /** Forms that may be the nominative plural of a persons' noun with this lemma, to be checked against the dictionary. */
    default List<String> pluralCandidates(String lemma) {
      return List.of();
    }

    /** Whether {@link #role} reads any role: by default not. */
    default boolean tellsRoles() {
      return false;
    }

    /**
     * What an adjective's reading must share with a noun's to agree with it (gender or plural,
     * and case, e.g. {@code Neut:R}), with the word class first ({@code A} adjective, {@code N}
     * noun); {@code null} for other readings, or where the tags do not tell (the default).
     */
    default String agreement(String tag) {
      return null;
    }
  }

  /**
   * @param resource         class-path resource of the {@code .dict} (its {@code .info} beside it)
   * @param lowerCaseEntries the dictionary lists only lower-case words (LanguageTool's Russian)
   * @param tags             reads a word's kind (and its lemma) from the dictionary's tag
   */
  MorfologikLexicon(String resource, boolean lowerCaseEntries, Tags tags) {
    URL url = MorfologikLexicon.class.getResource(resource);
    if (url == null) {
      throw new IllegalStateException("dictionary not on the class path: " + resource);
    }
    Dictionary dictionary;
    try {
      dictionary = Dictionary.read(url);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    this.lookup = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
    this.lowerCaseEntries = lowerCaseEntries;
    this.tags = tags;
  }

  @Override
  public Reading read(String word, EntityType wanted) {
    return read(word, wanted, lemma -> false);
  }

  @Override
  public Reading read(String word, EntityType wanted, java.util.function.Predicate<String> seen) {
    List<WordData> found = readings(word);
    if (found.isEmpty()) {
      return null;
    }
    Reading best = null;
    int bestScore = Integer.MIN_VALUE;
    boolean proper = false;
    boolean ownLemma = false;
    for (WordData d : found) {
      String tag = String.valueOf(d.getTag());
      String lemma = tags.lemma(String.valueOf(d.getStem()), tag);
      Kind kind = tags.kind(tag, lemma);
      proper |= kind != Kind.COMMON;
      ownLemma |= kind == Kind.PROPER && lemma.equals(word);
      int score = score(kind, wanted);
      if (score > bestScore || (score == bestScore && preferOnTie(word, lemma, best.lemma(), seen))) {
        bestScore = score;
        best = new Reading(lemma, kind, false);
      }
    }
    // a person's name that is a proper noun's nominative keeps it: Angela, Krystyna, not the
    // genitives of the men's names Angel, Krystyn that a person's reading would prefer
    return new Reading(wanted == EntityType.PER && ownLemma ? word : best.lemma(), best.kind(), proper);
  }

  @Override
  public java.util.Set<Role> roles(String word) {
    java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
    for (WordData d : readings(word)) {
      Role role = tags.role(String.valueOf(d.getTag()));
      if (role != null) {
        roles.add(role);
      }
    }
    return roles;
  }

  @Override
  public java.util.Set<String> otherLemmas(String word) {
    java.util.Set<String> out = new java.util.HashSet<>(2);
    for (WordData d : readings(word)) {
      String tag = String.valueOf(d.getTag());
      String lemma = String.valueOf(d.getStem());
      Kind kind = tags.kind(tag, lemma);
      if (kind != Kind.FIRST_NAME && kind != Kind.SURNAME) {
        out.add(lemma.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  @Override
  public String pluralNominative(String word) {
    String lemma = null;
    for (WordData d : readings(word)) {
      if (tags.personPlural(String.valueOf(d.getTag()), false)) {
        lemma = String.valueOf(d.getStem());
        break;
      }
    }
    if (lemma == null) {
      return null;
    }
    for (String candidate : tags.pluralCandidates(lemma)) {
      for (WordData d : find(candidate)) {
        if (tags.personPlural(String.valueOf(d.getTag()), true) && String.valueOf(d.getStem()).equals(lemma)) {
          return candidate;
        }
      }
    }
    return null;
  }

  @Override
  public boolean tellsRoles() {
    return tags.tellsRoles();
  }

  @Override
  public String agreeing(String adjective, String noun) {
    Map<String, String> lemmaByForm = new java.util.HashMap<>(4);
    for (WordData d : readings(adjective)) {
      String tag = String.valueOf(d.getTag());
      String a = tags.agreement(tag);
      if (a != null && a.startsWith("A")) {
        lemmaByForm.putIfAbsent(a.substring(1), tags.lemma(String.valueOf(d.getStem()), tag));
      }
    }
    if (lemmaByForm.isEmpty()) {
      return null;
    }
    for (WordData d : readings(noun)) {
      String n = tags.agreement(String.valueOf(d.getTag()));
      if (n != null && n.startsWith("N") && lemmaByForm.containsKey(n.substring(1))) {
        return lemmaByForm.get(n.substring(1));
      }
    }
    return null;
  }

  /**
   * The dictionary's readings of a word as written, else (in a dictionary with capitals) of its
   * capitalised form (КИЇВ: Київ), else of its lower-case form (Верховний opening a name: the
   * adjective верховний).
   */
  private List<WordData> readings(String word) {
    List<WordData> found = find(word);
    if (found.isEmpty() && !lowerCaseEntries && word.length() > 1 && isUpper(word)) {
      found = find(word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT));
    }
    if (found.isEmpty() && !lowerCaseEntries) {
      found = find(word.toLowerCase(Locale.ROOT));
    }
    return found;
  }

  private List<WordData> find(String word) {
    // the lookup reuses its WordData objects, so read them before the next call
    List<WordData> out = new java.util.ArrayList<>();
    for (WordData d : lookup.get().lookup(lowerCaseEntries ? word.toLowerCase(Locale.ROOT) : word)) {
      out.add(d.clone());
    }
    return out;
  }

  /**
   * Between two readings that fit equally well: the one that is the word itself (Київ the
   * city, not the possessive of Кий), else the shorter (Марком is Марк's as much as Марко's,
   * and the news names Марк more often).
   */
  private static boolean preferOnTie(String word, String lemma, String best, java.util.function.Predicate<String> seen) {
    boolean lemmaSeen = seen.test(capitalised(lemma));
    if (lemmaSeen != seen.test(capitalised(best))) {
      return lemmaSeen;
    }
    if (lemma.equalsIgnoreCase(word) != best.equalsIgnoreCase(word)) {
      return lemma.equalsIgnoreCase(word);
    }
    return lemma.length() < best.length();
  }

  private static String capitalised(String lemma) {
    return lemma.isEmpty() ? lemma : Character.toUpperCase(lemma.charAt(0)) + lemma.substring(1);
  }


  /** How well a reading's kind fits the entity type we believe the word names. */
  private static int score(Kind kind, EntityType wanted) {
    return switch (kind) {
      case FIRST_NAME, SURNAME -> wanted == EntityType.PER ? 3 : 1;
      case PLACE -> wanted == EntityType.LOC ? 3 : 1;
      case ORGANISATION -> wanted == EntityType.ORG ? 3 : 1;
      case ABBREVIATION -> wanted == EntityType.ORG ? 3 : 1;
      case PROPER -> 2;
      case COMMON -> wanted == EntityType.PER ? -1 : 0;
    };
  }

  private static boolean isUpper(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLowerCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
