/**
 * Extraction: a document's title, body, date and authors, by {@code TextCleaner} for text and
 * {@code HtmlExtractor} for pages ({@code Extractor}), as an {@code Extracted}; {@code
 * DateFinder} finds dates in text. The vocabulary and the per-line and per-block passes are
 * internal.
 */
package org.kronika.extract;
