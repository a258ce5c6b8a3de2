package org.kronika.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kronika.analysis.NameKeys;

/**
 * Gives each mention its identity: the canonical name a gazetteer or a known entity offers,
 * else the Latin form of its lemma; then an id from that name ({@link EntityIds}). Within an
 * article a surname alone takes the identity of the full name met there, and a description
 * ("Альянс") that of the entity it describes when that entity is named too. Acronyms and
 * translations come from the small hand-made {@code aliases.tsv}. Thread-safe.
 */
final class Linker {
  /** The hand-made aliases and descriptions, read once: a linker is made for every snapshot. */
  private static final Map<String, KnownEntities.Known> ALIASES = aliases();
  private static final Map<String, String> DESCRIPTIONS = descriptions();

  private final KnownEntities known;

  Linker(KnownEntities known) {
    this.known = known;
  }

  private static Map<String, KnownEntities.Known> aliases() {
    Map<String, KnownEntities.Known> out = new HashMap<>();
    for (String[] row : rows("aliases.tsv")) {
      KnownEntities.Known entity = new KnownEntities.Known(row[0], EntityType.valueOf(row[1]));
      out.put(normal(row[0]), entity);
      for (String alias : row[2].split("\\|")) {
        out.put(normal(alias.split(":", 2)[1]), entity);
      }
    }
    return Map.copyOf(out);
  }

  private static Map<String, String> descriptions() {
    Map<String, String> out = new HashMap<>();
    for (String[] row : rows("descriptions.tsv")) {
      for (String description : row[1].split("\\|")) {
        out.put(normal(description.split(":", 2)[1]), row[0]);
      }
    }
    return Map.copyOf(out);
  }

  /** How aliases and descriptions are matched: the lemma exactly, but for case. */
  private static String normal(String lemma) {
    return lemma.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Mentions with identities for the names found in one text of an article. A known entity
   * is taken only when its type agrees with the type recognised (or that type is MISC).
   */
  List<Mention> identify(List<Recognizer.Found> found, String text, String lang) {
    List<Mention> out = new ArrayList<>(found.size());
    for (Recognizer.Found f : found) {
      String name = f.canonical();
      EntityType type = f.type();
      String lemma = f.lemma();
      if (name == null) {
        Optional<KnownEntities.Known> k = Optional.ofNullable(ALIASES.get(normal(f.lemma())));
        boolean personLike = f.type() == EntityType.PER || f.type() == EntityType.MISC;
        if (k.isEmpty() && personLike) {
          k = EntityIds.personBySurname(known, f.lemma(), lang); // Joe Biden, Джо Байден; Angela Merkelová
        }
        if (k.isEmpty()) {
          k = EntityIds.lookUp(known, f.lemma(), lang, personLike)
              .filter(e -> e.type() == f.type() || f.type() == EntityType.MISC);
        }
        if (k.isEmpty() && personLike) {
          k = possessor(f.lemma(), lang); // Trumpova, Bidnove: the adjective of a person's name
        }
        name = k.map(KnownEntities.Known::name).orElseGet(() -> EntityIds.latinName(f.lemma(), lang));
        type = k.map(KnownEntities.Known::type).orElse(type);
        if (k.isPresent() && type == EntityType.PER) {
          lemma = possessorLemma(f.lemma(), name, lang);
        }
      }
      KnownEntities.Known alias = ALIASES.get(normal(name));
      if (alias != null) {
        name = alias.name();
      }
      if (name.isEmpty()) {
        continue;
      }
      out.add(new Mention(f.start(), f.end(), text.substring(f.start(), f.end()), lemma, type,
          EntityIds.key(name, "en"), name));
    }
    return out;
  }

  /**
   * The known person a Slavic possessive adjective is formed from (Trumpova, Trumpův, Bidnove,
   * Путинский is not one): the word without its -ov-, -ev- or -in- suffix and ending.
   */
  private Optional<KnownEntities.Known> possessor(String lemma, String lang) {
    if (lemma.indexOf(' ') >= 0) {
      return Optional.empty();
    }
    java.util.regex.Matcher m = EntityIds.POSSESSIVE_SURNAME.matcher(lemma);
    if (!m.matches() || m.group(1).length() < 3) {
      return Optional.empty();
    }
    return EntityIds.lookUp(known, m.group(1), lang, true).filter(e -> e.type() == EntityType.PER);
  }

  /**
   * The lemma of a lone possessive adjective (or case form in -ov-) of a known person's name:
   * the surname it is formed from (Trumpove: Trump), with the fleeting e the suffix dropped when
   * the person's known surname has it (Merklova: Merkel, Bidnove: Biden); the lemma unchanged
   * for any other mention, and for a surname that only looks like one (Putin).
   */
  static String possessorLemma(String lemma, String personName, String lang) {
    java.util.regex.Matcher m = EntityIds.POSSESSIVE_SURNAME.matcher(lemma);
    List<String> words = EntityIds.words(personName);
    String surname = words.isEmpty() ? "" : words.get(words.size() - 1);
    if (lemma.indexOf(' ') >= 0 || !m.matches() || m.group(1).length() < 3
        || EntityIds.key(lemma, lang).equals(EntityIds.key(surname, "en"))
        || EntityLanguages.womansSurname(lang, lemma) != null) {
      return lemma; // Putin, Ivanov: the surname itself; Merkelová: a woman's surname, its own lemma
    }
    String stem = m.group(1);
    int e = surname.length() - 2;
    boolean fleeting = e > 0 && surname.length() == stem.length() + 1 && surname.charAt(e) == 'e'
        && (surname.substring(0, e) + surname.substring(e + 1)).equals(stem);
    return fleeting ? surname : stem;
  }

  /**
   * Resolves, across all texts of one article, a surname to the full name met there (and to
   * its type: a lone surname is easily mistyped) and a description to the entity it describes.
   */
  List<Mention> resolveWithinArticle(List<Mention> mentions, String lang) {
    Map<String, Mention> fullNameBySurname = new HashMap<>();
    Map<String, Mention> byName = new HashMap<>();
    for (Mention m : mentions) {
      byName.putIfAbsent(m.name(), m);
      int dash = m.id().lastIndexOf('-');
      if (m.type() == EntityType.PER && dash > 0) {
        fullNameBySurname.putIfAbsent(m.id().substring(dash + 1), m);
      }
    }
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      Mention target = null;
      if (m.id().indexOf('-') < 0 && !isAcronym(m.surface())) {
        target = fullNameBySurname.get(m.id());
        if (target != null && !EntityIds.similar(NameKeys.latin(m.lemma(), lang), lastLatinWord(target.name()))) {
          target = null; // shares a key with the surname, but is another word (We, UAV)
        }
        java.util.regex.Matcher possessive = EntityIds.POSSESSIVE_SURNAME.matcher(m.lemma());
        if (target == null && possessive.matches()) { // Mayová, Mayeva beside Theresa May
          String stem = possessive.group(1);
          target = fullNameBySurname.get(EntityIds.key(stem, lang));
          if (target != null && !EntityIds.similar(NameKeys.latin(stem, lang), lastLatinWord(target.name()))) {
            target = null;
          }
        }
      }
      String described = DESCRIPTIONS.get(normal(m.lemma()));
      if (target == null && described != null) {
        target = byName.get(described);
      }
      out.add(target == null ? m
          : new Mention(m.start(), m.end(), m.surface(), m.lemma(), target.type(), target.id(), target.name()));
    }
    return out;
  }

  private static boolean isAcronym(String word) {
    return word.length() > 1 && word.equals(word.toUpperCase(java.util.Locale.ROOT));
  }

  private static String lastLatinWord(String name) {
    List<String> words = EntityIds.words(name);
    return words.isEmpty() ? "" : NameKeys.latin(words.get(words.size() - 1), "en");
  }

  /**
   * Adds the aliases of language {@code lang} to its gazetteer under their canonical names, so
   * that a name only an alias gives (Білого дому, Радіо Свобода) is found as a whole.
   */
  static void addAliasesTo(Gazetteer gazetteer, String lang) {
    org.kronika.analysis.TextAnalyzer analyzer = new org.kronika.analysis.TextAnalyzer();
    for (String[] row : rows("aliases.tsv")) {
      for (String alias : row[2].split("\\|")) {
        String[] parts = alias.split(":", 2);
        if (parts[0].equals(lang)) {
          var a = analyzer.analyze(org.kronika.analysis.Languages.of(lang), parts[1]);
          if (!a.tokens().isEmpty()) {
            gazetteer.addIfAbsent(Gazetteer.lemmaKey(a.tokens(), 0, a.tokens().size()), EntityType.valueOf(row[1]),
                parts[1], row[0], false);
          }
        }
      }
    }
  }

  /** The rows of a tab-separated resource beside this class, without blank lines and # comments. */
  static List<String[]> rows(String resource) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Linker.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
    return rows;
  }
}
