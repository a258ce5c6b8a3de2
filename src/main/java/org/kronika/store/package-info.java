/**
 * Storage: the {@code Store} interface, the embedded default {@code LuceneStore} (one data
 * directory) and {@code SolrStore} for cluster mode.
 */
package org.kronika.store;
