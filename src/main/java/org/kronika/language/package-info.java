/**
 * Language identification: a text's ISO 639-1 code. Public: {@code LanguageIdentifier}; the
 * Lingua and Optimaize combination is internal.
 */
package org.kronika.language;
