package org.kronika.extract;

import org.kronika.input.SourceDocument;

/**
 * Turns one source document into its clean article text and metadata. Implementations are
 * stateless and thread-safe.
 */
public interface Extractor {
  Extracted extract(SourceDocument document);
}
