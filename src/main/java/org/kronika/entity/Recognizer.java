package org.kronika.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.kronika.analysis.Languages;
import org.kronika.analysis.AnalyzedText;
import org.kronika.analysis.Token;

/**
 * Finds names in an analysed text and gives each its type and lemma. A word first meets the
 * gazetteer (longest known name, lower-case ones included where the training data names them
 * so); otherwise the run of capitalised words it opens, cut at title words and known names, is
 * judged by the learned type model, or by the dictionary's kinds and head words where nothing
 * was learned. A sentence's first word that the language otherwise writes in lower case is
 * not a name. Cost: a few hash look-ups per word. Thread-safe.
 */
final class Recognizer {
  /** Words shorter than this keep their form: learned endings say too little of them (Мей is no Ми). */
  private static final int MIN_STREAM_LEMMA_LENGTH = 5;

  private Recognizer() {}

  /**
   * A name found: its char offsets, type, lemma, and canonical name when one is known; sure
   * when a gazetteer, a dictionary's kinds or a head word gave its type, not a guess or a
   * statistic (what the stream learns counts only sure names, lest it learn its own guesses).
   */
  record Found(int start, int end, EntityType type, String lemma, String canonical, boolean sure) {}

  /**
   * A type, whether sure evidence gave it, the canonical name that evidence gave, and the
   * lemma it gave ({@code null}: none; the lemma is then the words' own).
   */
  private record Typed(EntityType type, boolean sure, String canonical, String lemma) {
    Typed(EntityType type, boolean sure, String canonical) {
      this(type, sure, canonical, null);
    }
  }

  static List<Found> find(AnalyzedText text, Knowledge.ForLanguage k, KnownEntities known, String lang) {
    List<Token> tokens = text.tokens();
    Predicate<String> commonNoun = Languages.of(lang).commonNoun(); // German capitalises every noun
    Set<String> lowerHere = new HashSet<>();
    for (Token t : tokens) {
      if (Character.isLowerCase(t.surface().charAt(0))) {
        lowerHere.add(t.surface());
      }
    }
    boolean latinText = latinScript(text.text().substring(0, Math.min(1000, text.text().length())));
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); ) {
      Token first = tokens.get(i);
      if (!Candidates.mayStartName(first)) {
        i++;
        continue;
      }
      int quoted = k.types().trained() ? -1 : quotedTitleEnd(text, i);
      if (quoted > i) {
        add(out, text, i, quoted, EntityType.MISC, surface(text, i, quoted), null, false);
        i = quoted;
        continue;
      }
      Gazetteer.Match m = k.gazetteer().longest(text, i, true, k.lexicon()::otherLemmas);
      if (m != null && (opensLongerName(text, m, k) || isListedCommonWord(m, tokens, k))) {
        m = null;
      }
      if (m == null && !Candidates.nameLike(first)) {
        i++;
        continue;
      }
      if (m != null) {
        String lemma = Lemmas.matchCase(surface(text, m.from(), m.to()), m.lemma());
        add(out, text, m.from(), m.to(), m.entry().type, lemma, m.entry().name, true);
        i = m.to();
        continue;
      }
      Set<String> titles = EntityLanguages.titles(lang);
      String firstLower = first.surface().toLowerCase(Locale.ROOT);
      if ((first.sentenceInitial() && isCommonWord(first.surface(), k, lowerHere) && !knownPerson(first.surface(), out, known, lang))
          || commonNoun.test(first.surface())
          || titles.contains(firstLower) || EntityLanguages.neverName(lang, firstLower)) {
        i++;
        continue;
      }
      int to = Candidates.runEnd(text, i);
      boolean qualified = !k.types().trained() && to == i + 1 && acronymQualified(text, i, k, known, lang);
      if (qualified) {
        to = i + 2; // МИД России, РИА Новости: one name
      }
      for (int j = qualified ? i + 2 : i + 1; j < to; j++) {
        String lower = tokens.get(j).surface().toLowerCase(Locale.ROOT);
        Gazetteer.Match inside = k.gazetteer().longest(text, j, true);
        if (titles.contains(lower) || EntityLanguages.neverName(lang, lower) || commonNoun.test(tokens.get(j).surface())
            || (inside != null && !inside.entry().listed && !(inside.entry().type == EntityType.LOC
                && headedBy(tokens, i, j, EntityType.ORG, lang)))) { // Конгрес США is one name
          to = j;
          break;
        }
      }
      if (!k.types().trained() && first.sentenceInitial() && to - i == 1 && !isProper(first.surface(), k)
          && !k.nameWords().contains(firstLower) && EntityIds.lookUp(known, first.surface(), lang).isEmpty()
          && !knownPerson(first.surface(), out, known, lang)) {
        i++;
        continue; // a lone capitalised word opening a sentence, with nothing to say it is a name
      }
      Institution named = institution(text, i, to, k, lang);
      if (named != null) {
        add(out, text, i, named.end(), EntityType.ORG, named.lemma(text, i, k), null, false);
        i = named.end();
        continue;
      }
      String adjective = to == i + 1 && to < tokens.size() && lowerCaseWordAfter(text, to)
          ? k.lexicon().agreeing(first.surface(), tokens.get(to).surface()) : null;
      if (adjective != null) {
        // a capitalised adjective with its noun names a sea or a thing (Балтийского моря,
        // Северный поток), not the person a surname reading would make of the adjective
        if (EntityLanguages.typeOfHeadWord(lang, tokens.get(to).surface().toLowerCase(Locale.ROOT)) == EntityType.LOC) {
          add(out, text, i, to + 1, EntityType.LOC,
              Lemmas.matchCase(surface(text, i, to + 1), lemma(text, i, to + 1, EntityType.LOC, k)), null, true);
          i = to + 1;
        } else {
          i = to;
        }
        continue;
      }
      Typed typed = type(text, i, to, k, known, lang, latinText);
      int numbered = numberedEnd(text, to);
      if (typed != null && !(typed.type() == EntityType.PER && typed.sure()) && numbered > to) {
        // Nord Stream 2, Северен поток-2, Sputnik V, TOP 09: a name and its number name a product,
        // an event or a body; with a company form after it, a company (Nord Stream 2 AG)
        EntityType numberedType = numbered > to + 1 ? EntityType.ORG : EntityType.MISC;
        add(out, text, i, numbered, numberedType,
            Lemmas.matchCase(surface(text, i, numbered), lemma(text, i, numbered, numberedType, k)), null, false);
        i = numbered;
        continue;
      }
      if (typed != null) {
        String lemma = typed.lemma() != null ? typed.lemma()
            : typed.type() == EntityType.ORG ? organisationLemma(text, i, to, k, lang) : lemma(text, i, to, typed.type(), k);
        add(out, text, i, to, typed.type(), Lemmas.matchCase(surface(text, i, to), lemma), typed.canonical(), typed.sure());
      }
      i = to;
    }
    return withCountries(out, text, k, lang);
  }

  /**
   * The names with each institution joined to the place written right after it, its
   * complement (Конгресс США, МИД Великобритании, Верховный суд Пакистана, Departament Stanu
   * USA: one organisation, as annotators and readers take them): an organisation with a head
   * word (or an institution's name in lower case) and a place after one space, in the
   * genitive where the dictionary tells cases. The place keeps its written form in the lemma.
   */
  private static List<Found> withCountries(List<Found> found, AnalyzedText text, Knowledge.ForLanguage k, String lang) {
    List<Found> out = new ArrayList<>(found.size());
    String s = text.text();
    for (int i = 0; i < found.size(); i++) {
      Found a = found.get(i);
      Found b = i + 1 < found.size() ? found.get(i + 1) : null;
      if (b != null && a.type() == EntityType.ORG && b.type() == EntityType.LOC && b.start() == a.end() + 1
          && s.charAt(a.end()) == ' ' && hasHeadWord(s.substring(a.start(), a.end()), lang)
          && genitive(s.substring(b.start(), b.end()), k)) {
        out.add(new Found(a.start(), b.end(), EntityType.ORG, a.lemma() + " " + s.substring(b.start(), b.end()),
            null, false));
        i++;
      } else {
        out.add(a);
      }
    }
    return out;
  }

  /** Whether a word of {@code name} is a head word of an organisation (or its name goes on in lower case). */
  private static boolean hasHeadWord(String name, String lang) {
    for (String word : EntityIds.words(name)) {
      if (EntityLanguages.typeOfHeadWord(lang, word.toLowerCase(Locale.ROOT)) == EntityType.ORG
          || (Character.isLowerCase(word.charAt(0)) && Character.isLetter(word.charAt(0)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the last word of a place's name may be a genitive; true where the dictionary does not tell cases. */
  private static boolean genitive(String place, Knowledge.ForLanguage k) {
    List<String> words = EntityIds.words(place);
    String last = words.get(words.size() - 1);
    if (!k.lexicon().tellsRoles() || (last.length() > 1 && last.equals(last.toUpperCase(Locale.ROOT)))) {
      return true; // США, ФРГ do not inflect
    }
    return k.lexicon().roles(last).contains(NameLexicon.Role.GENITIVE);
  }

  /**
   * An institution's name that goes on in lower case after its capitalised first word: it ends
   * at token {@code end}; the words from {@code complement} on are a complement in the genitive,
   * kept as written in its lemma (Палата представителей), those before take their dictionary forms.
   */
  private record Institution(int end, int complement) {
    String lemma(AnalyzedText text, int from, Knowledge.ForLanguage k) {
      List<Token> tokens = text.tokens();
      String lemma = Recognizer.lemma(text, from, complement, EntityType.ORG, k);
      if (complement < end) {
        lemma += text.text().substring(tokens.get(complement - 1).end(), tokens.get(end - 1).end());
      }
      return Lemmas.matchCase(surface(text, from, end), lemma);
    }
  }

  /**
   * The name of an institution opening with the single capitalised word at {@code from} (the
   * run of capitalised words ends at {@code to}) and going on in lower case, or {@code null}.
   * Languages that capitalise only a name's first word write an adjective and a head word
   * (Верховный суд, Демократической партии) or a head word and its complement in the genitive
   * (Палата представителей; Министерство иностранных дел: a second word only after an
   * adjective). Read only where the dictionary tells adjectives and genitives; never at a
   * sentence's start, where any adjective is capitalised (Российские компании).
   */
  private static Institution institution(AnalyzedText text, int from, int to, Knowledge.ForLanguage k, String lang) {
    List<Token> tokens = text.tokens();
    Token first = tokens.get(from);
    if (to != from + 1 || to >= tokens.size() || first.sentenceInitial() || !lowerCaseWordAfter(text, to)) {
      return null;
    }
    NameLexicon.Kind asPerson = kind(k.lexicon().read(first.surface(), EntityType.PER));
    if (asPerson == NameLexicon.Kind.FIRST_NAME || asPerson == NameLexicon.Kind.SURNAME) {
      return null;
    }
    if (k.lexicon().roles(first.surface()).contains(NameLexicon.Role.ADJECTIVE)
        && EntityLanguages.typeOfHeadWord(lang, tokens.get(to).surface()) == EntityType.ORG) {
      return new Institution(to + 1, to + 1);
    }
    if (EntityLanguages.typeOfHeadWord(lang, first.surface().toLowerCase(Locale.ROOT)) != EntityType.ORG) {
      return null;
    }
    int end = to;
    while (end < tokens.size() && end - to < 2 && lowerCaseWordAfter(text, end)) {
      java.util.Set<NameLexicon.Role> roles = k.lexicon().roles(tokens.get(end).surface());
      if (!roles.contains(NameLexicon.Role.GENITIVE)) {
        break;
      }
      end++;
      if (!roles.contains(NameLexicon.Role.ADJECTIVE)) {
        break;
      }
    }
    return end > to ? new Institution(end, to) : null;
  }

  /** Whether token {@code i} is a word in lower case written right after the one before it, in its sentence. */
  private static boolean lowerCaseWordAfter(AnalyzedText text, int i) {
    Token t = text.tokens().get(i);
    return !t.stopword() && !t.isNumber() && Character.isLowerCase(t.surface().charAt(0))
        && Candidates.joined(text.text(), text.tokens().get(i - 1), t);
  }

  /**
   * Whether a one-word place the gazetteer knows opens a longer run of capitalised words, which
   * is then judged as a whole: Володимир Зеленський is a person, not the city of Volodymyr, and
   * Mark Rutte no town of Marks. Only for names from lists; names learned from annotations stand.
   */
  private static boolean opensLongerName(AnalyzedText text, Gazetteer.Match m, Knowledge.ForLanguage k) {
    List<Token> tokens = text.tokens();
    Token place = tokens.get(m.from());
    return m.entry().listed && m.to() - m.from() == 1 && m.entry().type == EntityType.LOC
        && Candidates.nameLike(place) && Candidates.runEnd(text, m.from()) > m.to()
        && !Candidates.isAcronym(tokens.get(m.to())) && place.end() == tokens.get(m.to()).start() - 1
        && k.gazetteer().longest(text, m.to(), true) == null;
  }

  /**
   * Whether the acronym at token {@code i} goes on into the capitalised word after it, as an
   * organisation's acronym does with the country or the word that completes it (МИД России),
   * and not into a person's name (НАТО Марком Рютте) or after a place (США Джо Байден).
   */
  private static boolean acronymQualified(AnalyzedText text, int i, Knowledge.ForLanguage k, KnownEntities known,
                                          String lang) {
    List<Token> tokens = text.tokens();
    if (i + 1 >= tokens.size() || !Candidates.isAcronym(tokens.get(i)) || tokens.get(i).surface().length() > 5) {
      return false;
    }
    Token next = tokens.get(i + 1);
    if (!Candidates.nameLike(next) || Candidates.isAcronym(next) || next.sentenceInitial()
        || next.start() != tokens.get(i).end() + 1 || text.text().charAt(tokens.get(i).end()) != ' ') {
      return false;
    }
    if (Places.find(tokens.get(i).surface(), lang).isPresent() || k.gazetteer().longest(text, i, true) != null) {
      return false; // a place or a known body stands alone: США, НАТО
    }
    NameLexicon.Kind asPerson = kind(k.lexicon().read(next.surface(), EntityType.PER));
    boolean person = asPerson == NameLexicon.Kind.FIRST_NAME || asPerson == NameLexicon.Kind.SURNAME
        || k.firstNames().contains(EntityIds.key(next.surface(), lang))
        || EntityIds.lookUp(known, next.surface(), lang).map(e -> e.type() == EntityType.PER).orElse(false);
    return !person;
  }

  /**
   * The end (exclusive, in tokens) of a quoted title opening at token {@code from}, or -1: a
   * capitalised word right after an opening quote, the closing quote on the same line within a
   * few words, and a word in lower case among them («Северный поток», „Северен поток 2“). Such
   * a title names a pipeline, an operation or a newspaper, not the person or town its first
   * word would be alone. Only without a trained model, which learned its own view of quotes.
   */
  private static int quotedTitleEnd(AnalyzedText text, int from) {
    List<Token> tokens = text.tokens();
    Token first = tokens.get(from);
    String s = text.text();
    if (!first.capitalised() || first.start() == 0 || OPENING_QUOTES.indexOf(s.charAt(first.start() - 1)) < 0) {
      return -1;
    }
    boolean lowerCase = false;
    for (int j = from + 1; j < tokens.size() && j - from <= MAX_TITLE_WORDS; j++) {
      String gap = s.substring(tokens.get(j - 1).end(), tokens.get(j).start());
      if (gap.indexOf('\n') >= 0) {
        return -1;
      }
      if (gap.chars().anyMatch(c -> CLOSING_QUOTES.indexOf(c) >= 0)) {
        return lowerCase ? j : -1;
      }
      lowerCase |= Character.isLowerCase(tokens.get(j).surface().charAt(0));
    }
    int last = Math.min(tokens.size(), from + MAX_TITLE_WORDS + 1) - 1;
    boolean closedAtEnd = last > from && tokens.get(last).end() < s.length()
        && CLOSING_QUOTES.indexOf(s.charAt(tokens.get(last).end())) >= 0;
    return closedAtEnd && lowerCase ? last + 1 : -1;
  }

  private static final String OPENING_QUOTES = "«„“\"'";
  private static final String CLOSING_QUOTES = "»“”\"'";
  private static final int MAX_TITLE_WORDS = 4;

  /**
   * Whether a one-word name from a long list is a word the language mostly writes in lower
   * case (Северный, Острова: a town's name, but mostly an adjective or a noun).
   */
  private static boolean isListedCommonWord(Gazetteer.Match m, List<Token> tokens, Knowledge.ForLanguage k) {
    return m.entry().listed && m.to() - m.from() == 1
        && k.commonWords().contains(tokens.get(m.from()).surface().toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a word is the surname of a person named earlier in the text, or of a person known,
   * spelled nearly alike: Трамп opening a sentence is the president, though трамп is a common noun.
   */
  private static boolean knownPerson(String word, List<Found> before, KnownEntities known, String lang) {
    String key = EntityIds.key(word, lang);
    if (!EntityIds.distinctive(key)) {
      return false;
    }
    for (Found f : before) {
      List<String> words = EntityIds.words(f.lemma());
      if (f.type() == EntityType.PER && words.size() > 1 && EntityIds.key(words.get(words.size() - 1), lang).equals(key)) {
        return true;
      }
    }
    return EntityIds.lookUp(known, word, lang).filter(e -> e.type() == EntityType.PER).isPresent();
  }

  /** Whether a capitalised word is a common word of the language, capitalised by position. */
  static boolean isCommonWord(String word, Knowledge.ForLanguage k, Set<String> lowerHere) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (k.commonWords().contains(lower) || lowerHere.contains(lower)) {
      return true;
    }
    NameLexicon.Reading r = k.lexicon().read(word, EntityType.MISC);
    return r != null && !r.hasProperReading();
  }

  /** The numbers that go with a name: one or two digits, or a Roman numeral of a few letters. */
  private static final java.util.regex.Pattern NAME_NUMBER = java.util.regex.Pattern.compile("\\d{1,2}|I{2,3}|IV|VI{0,3}");

  /** Company forms that follow a numbered name and make it a company's (Nord Stream 2 AG). */
  private static final Set<String> COMPANY_FORMS = Set.of("AG", "SE", "GmbH", "Ltd", "Inc", "PLC", "Plc", "LLC",
      "SA", "NV", "BV", "AB", "ASA", "SpA", "PJSC", "PAO", "ПАО", "АО", "ООО", "АТ", "ПАТ", "ТОВ");

  /**
   * Where a name run ending at {@code to} ends with the number written right after it (by a
   * space or a hyphen) and a company form after that (Nord Stream 2 AG); {@code to} when no
   * number follows, or when another capitalised word does (Johnson 10 Downing Street is no
   * numbered name).
   */
  private static int numberedEnd(AnalyzedText text, int to) {
    List<Token> tokens = text.tokens();
    if (to >= tokens.size() || !NAME_NUMBER.matcher(tokens.get(to).surface()).matches()
        || !Candidates.joined(text.text(), tokens.get(to - 1), tokens.get(to))) {
      return to;
    }
    int end = to + 1;
    if (end < tokens.size() && Candidates.nameLike(tokens.get(end))
        && Candidates.joined(text.text(), tokens.get(end - 1), tokens.get(end))) {
      return COMPANY_FORMS.contains(tokens.get(end).surface()) ? end + 1 : to;
    }
    return end;
  }

  private static String surface(AnalyzedText text, int from, int to) {
    return text.text().substring(text.tokens().get(from).start(), text.tokens().get(to - 1).end());
  }

  private static boolean isProper(String word, Knowledge.ForLanguage k) {
    NameLexicon.Reading r = k.lexicon().read(word, EntityType.MISC);
    return r != null && r.hasProperReading();
  }

  private static void add(List<Found> out, AnalyzedText text, int from, int to, EntityType type,
                          String lemma, String canonical, boolean sure) {
    int start = text.tokens().get(from).start();
    int end = text.tokens().get(to - 1).end();
    String surface = text.text().substring(start, end);
    if (isRomanNumeral(surface)) {
      return; // Charles III, World War II: a numeral, not a name
    }
    if (surface.endsWith("'s") || surface.endsWith("’s")) {
      end -= 2; // NATO's: the possessive is not part of the name
      if (lemma.endsWith("'s") || lemma.endsWith("’s")) {
        lemma = lemma.substring(0, lemma.length() - 2);
      }
    }
    out.add(new Found(start, end, type, lemma, canonical, sure));
  }

  private static boolean isRomanNumeral(String word) {
    return word.matches("[IVXLC]{1,5}");
  }

  /** The type of the run {@code from..to}, or {@code null} when it is not a name. */
  private static Typed type(AnalyzedText text, int from, int to, Knowledge.ForLanguage k,
                            KnownEntities known, String lang, boolean latinText) {
    if (k.types().trained()) {
      String c = k.types().classify(TypeModel.features(text, from, to, k.lexicon(), k.commonWords()));
      return c.equals(TypeModel.NONE) ? null : new Typed(EntityType.valueOf(c), false, null);
    }
    List<Token> tokens = text.tokens();
    String surface = text.text().substring(tokens.get(from).start(), tokens.get(to - 1).end());
    String streamLemma = k.lexicon() == NameLexicon.NONE ? lemma(text, from, to, EntityType.MISC, k) : null; // Bruselu: Brusel
    var found = EntityIds.lookUp(known, surface, lang);
    if (found.isEmpty() && streamLemma != null) {
      found = EntityIds.lookUp(known, streamLemma, lang);
    }
    if (found.isPresent()) {
      // a place the store knows still takes its dictionary form from the place names (Sloveniji: Slovenija)
      KnownEntities.Known entity = found.get();
      String placeName = entity.type() == EntityType.LOC ? Places.find(surface, lang)
          .filter(p -> p.known().name().equals(entity.name())).map(Places.Found::name).orElse(null) : null;
      return new Typed(entity.type(), false, null, placeName);
    }
    String lastWord = tokens.get(to - 1).surface();
    String woman = EntityLanguages.womansSurname(lang, lastWord);
    if (woman != null) {
      // Mayová, Asii Bibiové: a woman's surname; a form in -ové no -ová form was seen of is a people's plural (Britové)
      String nominative = woman.equals(lastWord) || lastWord.endsWith("ou") || k.streamLemmas().seen().contains(woman)
          ? woman : lastWord;
      String lemma = to - from == 1 ? nominative : lemma(text, from, to - 1, EntityType.PER, k)
          + text.text().substring(tokens.get(to - 2).end(), tokens.get(to - 1).start()) + nominative;
      return new Typed(EntityType.PER, false, null, lemma);
    }
    boolean firstName = false;
    boolean person = false;
    boolean place = true;
    boolean organisation = true;
    EntityType headed = null;
    for (int i = from; i < to; i++) {
      String word = tokens.get(i).surface();
      NameLexicon.Kind asPerson = kind(k.lexicon().read(word, EntityType.PER));
      NameLexicon.Kind asPlace = kind(k.lexicon().read(word, EntityType.LOC));
      boolean isPlace = asPlace == NameLexicon.Kind.PLACE;
      boolean otherName = isPlace || asPlace == NameLexicon.Kind.PROPER || asPlace == NameLexicon.Kind.ORGANISATION;
      firstName |= asPerson == NameLexicon.Kind.FIRST_NAME;
      // Polski is a surname and Poland's genitive: a person only where no other name is read
      person |= (asPerson == NameLexicon.Kind.FIRST_NAME || asPerson == NameLexicon.Kind.SURNAME) && !otherName;
      place &= isPlace;
      organisation &= kind(k.lexicon().read(word, EntityType.ORG)) == NameLexicon.Kind.ORGANISATION;
      EntityType head = EntityLanguages.typeOfHeadWord(lang, word.toLowerCase(Locale.ROOT));
      headed = head != null ? head : headed;
    }
    if (headed == null && (firstName || (person && !place))) {
      // the dictionary knows the person before any town of that name; Вашингтон alone is the
      // city, Джордж Вашингтон a person
      return new Typed(EntityType.PER, true, null);
    }
    var knownPlace = Places.find(surface, lang);
    if (knownPlace.isEmpty() && streamLemma != null) {
      knownPlace = Places.find(streamLemma, lang);
    }
    if (knownPlace.isPresent()) {
      KnownEntities.Known spot = knownPlace.get().known();
      return new Typed(spot.type(), true, spot.name(), knownPlace.get().name());
    }
    String firstWord = tokens.get(from).surface();
    if (headed != null) {
      return new Typed(headed, true, null);
    } else if (place) {
      return new Typed(EntityType.LOC, true, null);
    } else if (organisation) {
      return new Typed(EntityType.ORG, true, null);
    } else if (!latinText && latinScript(surface)) {
      return new Typed(EntityType.ORG, true, null); // Ryanair, Pfizer, Nord Stream AG in a Cyrillic text
    } else if (firstWord.length() > 1 && firstWord.equals(firstWord.toUpperCase(Locale.ROOT))) {
      return new Typed(EntityType.ORG, false, null);
    } else if (to - from >= 2 && (k.firstNames().contains(EntityIds.key(firstWord, lang))
        || noCommonWord(tokens, from, to, k))) {
      return new Typed(EntityType.PER, false, null); // most runs of capitalised names are persons' names
    }
    return new Typed(EntityType.MISC, false, null);
  }

  /** Whether a word among tokens {@code from..to} is a head word of type {@code type}. */
  private static boolean headedBy(List<Token> tokens, int from, int to, EntityType type, String lang) {
    for (int i = from; i < to; i++) {
      if (EntityLanguages.typeOfHeadWord(lang, tokens.get(i).surface().toLowerCase(Locale.ROOT)) == type) {
        return true;
      }
    }
    return false;
  }

  /** Whether most letters of {@code s} are Latin ones (of a text, its first thousand characters are asked). */
  private static boolean latinScript(String s) {
    int latin = 0;
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          latin++;
        }
      }
    }
    return letters == 0 || latin * 2 > letters;
  }

  /** Whether none of the run's words is one the language mostly writes in lower case (Brussels Summit). */
  private static boolean noCommonWord(List<Token> tokens, int from, int to, Knowledge.ForLanguage k) {
    for (int i = from; i < to; i++) {
      if (k.commonWords().contains(tokens.get(i).surface().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static NameLexicon.Kind kind(NameLexicon.Reading r) {
    return r == null ? null : r.kind();
  }

  /**
   * The lemma of an organisation's name: its words' up to a place named after the first word,
   * which is the complement and stays as written (МИД России, Конгресса США: Конгресс США).
   */
  private static String organisationLemma(AnalyzedText text, int from, int to, Knowledge.ForLanguage k, String lang) {
    List<Token> tokens = text.tokens();
    for (int j = from + 1; j < to; j++) {
      if (Places.find(tokens.get(j).surface(), lang).isPresent()) {
        return lemma(text, from, j, EntityType.ORG, k) + text.text().substring(tokens.get(j - 1).end(), tokens.get(to - 1).end());
      }
    }
    return lemma(text, from, to, EntityType.ORG, k);
  }

  /** The lemma of the run {@code from..to}: each word's, joined as the text joins them. */
  static String lemma(AnalyzedText text, int from, int to, EntityType type, Knowledge.ForLanguage k) {
    List<Token> tokens = text.tokens();
    String[] lemmas = new String[to - from];
    boolean anyUnchanged = false;
    for (int i = from; i < to; i++) {
      String word = tokens.get(i).surface();
      // an adjective takes the form that agrees with the noun after it (Верховного суда: Верховный)
      String agreeing = i + 1 < to ? k.lexicon().agreeing(word, tokens.get(i + 1).surface()) : null;
      lemmas[i - from] = agreeing != null ? Lemmas.matchCase(word, agreeing) : wordLemma(word, type, k);
      anyUnchanged |= lemmas[i - from].equals(word);
    }
    // A person's names agree in case: when one word is plainly in the nominative (Janet,
    // Milanović) so are the others (Djomba, Branko), whatever their endings suggest alone.
    // Only where lemmas come from learned endings; a dictionary knows indeclinable names.
    boolean keepSurface = type == EntityType.PER && to - from > 1 && anyUnchanged
        && k.lexicon() == NameLexicon.NONE;
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        out.append(text.text(), tokens.get(i - 1).end(), tokens.get(i).start());
      }
      out.append(keepSurface ? tokens.get(i).surface() : lemmas[i - from]);
    }
    return out.toString();
  }

  private static String wordLemma(String word, EntityType type, Knowledge.ForLanguage k) {
    boolean caps = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
    String plural = type == EntityType.PER && !caps ? k.lexicon().pluralNominative(word) : null;
    if (plural != null) {
      return plural; // a people named in the plural keeps it: Polaków, Polacy
    }
    // what the stream saw capitalised settles ties for capitalised words only (моря: море, not the name Мора)
    NameLexicon.Reading r = Character.isUpperCase(word.charAt(0))
        ? k.lexicon().read(word, type, k.streamLemmas().seen()::contains) : k.lexicon().read(word, type);
    if (r != null && !(caps && r.kind() == NameLexicon.Kind.ABBREVIATION)) {
      String lemma = r.lemma();
      if (caps && lemma.equals(lemma.toLowerCase(Locale.ROOT)) && word.length() <= 4) {
        return word; // an acronym the dictionary knows only as a lower-case word
      }
      if (Character.isUpperCase(word.charAt(0)) && !lemma.isEmpty() && Character.isLowerCase(lemma.charAt(0))) {
        lemma = Character.toUpperCase(lemma.charAt(0)) + lemma.substring(1);
      }
      return lemma;
    }
    if (caps) {
      return word;
    }
    String learned = k.lemmaRules().apply(type, word);
    if (learned == null && word.length() >= MIN_STREAM_LEMMA_LENGTH) {
      learned = k.streamLemmas().lemma(word); // a word the dictionary, if any, does not know: Ryanaira
    }
    return learned == null ? word : learned;
  }
}
