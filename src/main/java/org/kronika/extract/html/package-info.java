/**
 * The web-page path: {@code HtmlExtractor} reads a page's metadata ({@code HtmlMetadata}, dates by
 * {@code HtmlDates}) and its main text ({@code HtmlContent}). Only {@code HtmlExtractor} is public.
 */
package org.kronika.extract.html;
