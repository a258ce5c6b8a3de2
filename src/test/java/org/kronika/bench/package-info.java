/**
 * Benchmarks: main classes that measure a stage against data given on their command line (see
 * docs/benchmarks.md); not part of the product's interface.
 */
package org.kronika.bench;
