package org.kronika.language;

/**
 * Tells which language a text is written in. Implementations are thread-safe.
 */
public interface LanguageIdentifier {
  /** Code returned when no language can be told. */
  String UNKNOWN = "und";

  /** The ISO 639-1 code of the text's language, or {@link #UNKNOWN}. */
  String identify(String text);

  /**
   * The identifier Kronika uses: shared, thread-safe, loads its models (seconds, ~440 MB of
   * heap) on first use.
   */
  static LanguageIdentifier standard() {
    return OptimaizeLinguaIdentifier.instance();
  }
}
