/**
 * Saved searches that tell someone when the news changes: {@link org.kronika.alert.Alerts}
 * keeps them in the data directory, finds the articles new since the last look, and sends a
 * notice for each to the alert's webhook through a durable outbox (at least once, each notice
 * with an id the receiver can drop repeats by).
 */
package org.kronika.alert;
