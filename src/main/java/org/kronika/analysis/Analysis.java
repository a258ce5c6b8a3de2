package org.kronika.analysis;

/** The language analysis of one article: its language, title and body. Immutable. */
public record Analysis(String lang, AnalyzedText title, AnalyzedText body) {}
