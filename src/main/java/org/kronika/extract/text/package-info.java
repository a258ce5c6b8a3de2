/**
 * The plain-text path: {@code TextCleaner} cuts a page's text (a scraper's dump with the site's
 * chrome left in) into lines, classifies each ({@code LineClassifier}), finds the headline
 * ({@code Headline}), the article's run of prose, its byline ({@code Byline}) and date
 * ({@code DateFinder}, public for callers that only want a date from text). The line model and
 * the vocabulary are internal.
 */
package org.kronika.extract.text;
