/**
 * The web interface and JSON API over a store: {@code WebServer}; pages, the API, search and
 * the in-memory catalog are internal.
 */
package org.kronika.web;
