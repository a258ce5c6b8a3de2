package org.kronika.input;

/**
 * The bounds every reader of untrusted input keeps, gathered in one place so that no single
 * file, line or page can exhaust memory or the stack. A document beyond a bound is refused
 * with a reason naming it; the rest of its file and the other files are still read. Immutable.
 *
 * @param maxDocumentBytes largest document loaded whole (a feed, a text or HTML file), decompressed: 64 MiB
 * @param maxLineBytes     longest JSON Lines line, decompressed: 16 MiB (a longer one is skipped unread);
 *                         also the longest WARC line, so that no record header grows without end
 * @param maxStreamBytes   most bytes decompressed from one streamed file (JSON Lines, WARC): 16 GiB,
 *                         so a compression bomb ends instead of running for hours
 * @param maxDepth         deepest element nesting read in XML (feeds, sitemaps): 256 (real feeds stay far
 *                         below; recursive walks overflow the stack at a few thousand). HTML needs no
 *                         check of ours: jsoup's parser keeps its tree within 512 levels
 * @param maxRejectionsShown rejections reported one by one per file: 20; the rest of that file's are
 *                         one more line counting them (a 200,000-item feed of empty items is 21 lines)
 */
public record Limits(long maxDocumentBytes, int maxLineBytes, long maxStreamBytes, int maxDepth,
                     int maxRejectionsShown) {
  public static final Limits DEFAULTS = new Limits(64L << 20, 16 << 20, 16L << 30, 256, 20);
}
