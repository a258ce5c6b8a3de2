/**
 * Continuous ingest: feeds, sitemaps, home pages and folders polled politely and durably
 * ({@code Watcher}, {@code WatchOptions}); fetching, robots.txt and the state file are
 * internal.
 */
package org.kronika.watch;
