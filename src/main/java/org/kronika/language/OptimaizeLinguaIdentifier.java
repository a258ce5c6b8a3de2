package org.kronika.language;

import com.github.pemistahl.lingua.api.Language;
import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.profiles.BuiltInLanguages;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Identifies the language of news text in two stages. Optimaize, with all of its 70 built-in
 * profiles, ranks the languages of the first {@value #PREFIX_CHARS} characters. Its guess is
 * final unless it is a Slavic language and the text is short or the guess is not certain; then
 * Lingua's high-accuracy models re-decide among the Slavic languages of the same script
 * (ru uk be bg mk sr, or cs sk pl sl hr), because that is where Optimaize confuses close
 * languages on titles (cs/sk, sl/hr, bg/mk/ru) and where Lingua's longer n-grams and its rules
 * on letters unique to a language (і ї є ґ, ы э ё ...) separate them. Letter rules of our own
 * would add nothing: none of the Cyrillic titles still wrong has such a letter.
 *
 * <p>Measured on 5,017 SlavicNER news articles (see {@code org.kronika.bench.LanguageBench}):
 * every article right and 97 % of their titles alone, against 99.96 % and 97.5 % for Lingua
 * alone (at fourteen times the CPU and three times the heap) and 100 % and 95 % for
 * Optimaize's best guess alone.
 *
 * <p>Cost: about 0.35 ms of CPU per article in the calling thread, 0.65 ms for the whole
 * process with garbage collection (measured on a loaded 2-core machine), mostly Optimaize's,
 * which grows with the prefix; short Slavic texts such as titles add about 1 ms of Lingua,
 * which spreads its work over the common fork-join pool. The first call loads the models,
 * which takes several seconds; they then hold about 440 MB of heap: Lingua's eleven
 * high-accuracy models about 360 MB, Optimaize's profiles about 80 MB. Lingua's models for one
 * script are loaded only when a text first needs them, so news in other languages, or only
 * long and certain Slavic articles, never pay for them. Re-deciding only among
 * the Cyrillic languages would save about 190 MB and cost a point of title accuracy (cs/sk,
 * sl/hr).
 *
 * <p>Thread-safe: each model set is loaded before it is published (a holder class's
 * initialisation) and only read afterwards. Lingua keeps its models in static maps shared by every Lingua detector in the
 * JVM, so nothing else in the process may unload them.
 */
final class OptimaizeLinguaIdentifier implements LanguageIdentifier {
  /** Optimaize's accuracy on articles is the same with this prefix as with the whole text. */
  private static final int PREFIX_CHARS = 1000;

  /** Below this length Optimaize's choice between close Slavic languages is unreliable. */
  private static final int SHORT_CHARS = 500;

  /** Optimaize's probability above which a long text's guess is kept as is. */
  private static final double CERTAIN = 0.9999;

  /** Fixed so that the same text always gets the same answer (Optimaize samples n-grams). */
  private static final long OPTIMAIZE_SEED = 1;

  private static final Set<String> CYRILLIC_SLAVIC = Set.of("ru", "uk", "be", "bg", "mk", "sr");
  private static final Set<String> LATIN_SLAVIC = Set.of("cs", "sk", "pl", "sl", "hr");

  private final LanguageDetector optimaize;
  private final TextObjectFactory textObjects;

  private OptimaizeLinguaIdentifier() {
    optimaize = LanguageDetectorBuilder.create(NgramExtractors.standard())
        .seed(OPTIMAIZE_SEED)
        .withProfiles(builtInProfiles())
        .build();
    // Drops URLs and minority-script runs, which scraped news text is full of.
    textObjects = CommonTextObjectFactories.forDetectingOnLargeText();
  }

  /**
   * All of Optimaize's built-in profiles, in its order (as {@code readAllBuiltIn} reads them):
   * the second half is read on a thread of its own beside the first, which halves the wait
   * on two cores.
   */
  private static List<LanguageProfile> builtInProfiles() {
    List<LdLocale> all = BuiltInLanguages.getLanguages();
    int half = all.size() / 2;
    FutureTask<List<LanguageProfile>> second = new FutureTask<>(
        () -> new LanguageProfileReader().readBuiltIn(all.subList(half, all.size())));
    Thread reader = new Thread(second, "kronika-language-profiles");
    reader.setDaemon(true);
    reader.start();
    List<LanguageProfile> profiles = new ArrayList<>(all.size());
    try {
      profiles.addAll(new LanguageProfileReader().readBuiltIn(all.subList(0, half)));
      profiles.addAll(second.get());
    } catch (IOException e) {
      throw new UncheckedIOException("Optimaize's built-in language profiles are unreadable", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? new UncheckedIOException("Optimaize's built-in language profiles are unreadable", io)
          : new IllegalStateException("Optimaize's built-in language profiles are unreadable", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading Optimaize's language profiles", e);
    }
    return profiles;
  }

  /** Lingua for the Cyrillic Slavic languages, loaded when a text first needs it (about 190 MB). */
  private static final class CyrillicSlavic {
    static final com.github.pemistahl.lingua.api.LanguageDetector DETECTOR = lingua(CYRILLIC_SLAVIC);
  }

  /** Lingua for the Latin-script Slavic languages, loaded when a text first needs it. */
  private static final class LatinSlavic {
    static final com.github.pemistahl.lingua.api.LanguageDetector DETECTOR = lingua(LATIN_SLAVIC);
  }

  private static final class Holder {
    static final OptimaizeLinguaIdentifier INSTANCE = new OptimaizeLinguaIdentifier();
  }

  /** The shared instance; the first call loads the models. */
  static OptimaizeLinguaIdentifier instance() {
    return Holder.INSTANCE;
  }

  @Override
  public String identify(String text) {
    String head = head(text, PREFIX_CHARS);
    List<DetectedLanguage> ranked = optimaize.getProbabilities(textObjects.forText(head));
    if (ranked.isEmpty()) {
      return UNKNOWN;
    }
    DetectedLanguage best = ranked.get(0);
    String guess = best.getLocale().getLanguage();
    if (guess.equals("ko") && !isWrittenIn(head, Character.UnicodeScript.HANGUL)) {
      // Optimaize takes most short Han-only texts (Chinese titles) for Korean, which is
      // written in Hangul; Japanese would show kana.
      return isWrittenIn(head, Character.UnicodeScript.HIRAGANA)
          || isWrittenIn(head, Character.UnicodeScript.KATAKANA) ? "ja" : "zh";
    }
    if (head.length() >= SHORT_CHARS && best.getProbability() >= CERTAIN) {
      return guess;
    }
    com.github.pemistahl.lingua.api.LanguageDetector closer =
        CYRILLIC_SLAVIC.contains(guess) ? CyrillicSlavic.DETECTOR
            : LATIN_SLAVIC.contains(guess) ? LatinSlavic.DETECTOR
            : null;
    if (closer == null) {
      return guess;
    }
    Language decided = closer.detectLanguageOf(head(head, SHORT_CHARS));
    return decided == Language.UNKNOWN ? guess : isoCode(decided);
  }

  private static com.github.pemistahl.lingua.api.LanguageDetector lingua(Set<String> isoCodes) {
    Language[] languages = isoCodes.stream()
        .map(code -> Language.getByIsoCode639_1(
            com.github.pemistahl.lingua.api.IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))))
        .toArray(Language[]::new);
    // Preloading makes later detection read-only, hence safe to share between threads.
    return com.github.pemistahl.lingua.api.LanguageDetectorBuilder.fromLanguages(languages)
        .withPreloadedLanguageModels()
        .build();
  }

  private static String isoCode(Language language) {
    return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
  }

  private static boolean isWrittenIn(String text, Character.UnicodeScript script) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == script);
  }

  /** The first {@code max} chars of {@code text}, not splitting a surrogate pair. */
  private static String head(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
