/**
 * The web-page path. {@code HtmlExtractor}, the only public class, reads a page's metadata
 * ({@code HtmlMetadata}, dates by {@code HtmlDates}) and its main text ({@code HtmlContent}, the
 * orchestrator, whose class comment gives the algorithm). The main text's passes are internal, one
 * class each, in the order they run: {@code Pruner} (what is chrome), {@code Blocks} and
 * {@code BlockJudge} (the text cut into blocks, each judged on its own), {@code TitleAnchor} (where
 * the headline is), {@code Teasers} (lists of other articles), {@code BestContainer} (which element
 * is the article) and {@code Keeper} (which of its blocks stay). Their thresholds are all in
 * {@code HtmlContent.Options}.
 */
package org.kronika.extract.html;
