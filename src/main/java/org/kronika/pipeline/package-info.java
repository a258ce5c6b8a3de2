/**
 * The pipeline that runs the stages: per-article stages on worker threads ({@code Pipeline}),
 * then duplicates, stories and the store in input order ({@code Ingest}).
 */
package org.kronika.pipeline;
