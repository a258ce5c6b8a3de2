/**
 * Extraction: a document's title, body, date and authors, as an {@code Extracted}, by an
 * {@code Extractor}: {@code text.TextCleaner} for plain text, {@code html.HtmlExtractor} for web
 * pages. The two paths live in their own subpackages and share one {@code Vocabulary}, the
 * per-language words of chrome, headings, legal lines and months, read from the resource files
 * under {@code org/kronika/extract/vocabulary/}. Everything in the subpackages but those two
 * extractors and {@code text.DateFinder} is internal, and so is {@code Vocabulary}.
 */
package org.kronika.extract;
