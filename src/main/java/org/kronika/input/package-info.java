/**
 * Input formats: plain text, HTML (also gzipped), WARC, RSS/Atom and JSON Lines, recognised
 * from their content and decoded from their charset ({@code TextDecoder}) into {@code
 * SourceDocument}s. {@code Inputs} holds the formats and walks files and folders; each format
 * is an {@code InputFormat}; bad input becomes a {@code Rejection} naming its source.
 */
package org.kronika.input;
