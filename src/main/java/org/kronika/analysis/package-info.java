/**
 * Language analysis: sentences, tokens and lemmas per language ({@code Languages} is the one
 * registry of what each language gets), and the cross-script keys that let names meet across
 * scripts ({@code NameKeys}). Public: {@code TextAnalyzer}, {@code Analysis}, {@code
 * AnalyzedText}, {@code Token}, {@code Languages}, {@code NameKeys}.
 */
package org.kronika.analysis;
