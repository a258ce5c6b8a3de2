/**
 * Quotations in an article's body and their speakers. Public: {@code QuoteFinder}.
 */
package org.kronika.quote;
