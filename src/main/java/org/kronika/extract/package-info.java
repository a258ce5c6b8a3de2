/**
 * Extraction: a document's title, body, date and authors, as an {@code Extracted}, by an
 * {@code Extractor}: {@code text.TextCleaner} for plain text, {@code html.HtmlExtractor} for web
 * pages. The two paths live in their own subpackages; everything in them but those two classes
 * and {@code text.DateFinder} is internal.
 */
package org.kronika.extract;
