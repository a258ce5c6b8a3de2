/**
 * Cluster mode: documents published to a Kafka log ({@code DocumentLog}) and processed by
 * workers ({@code Worker}) into a SolrCloud collection, configured by {@code ClusterConfig}.
 */
package org.kronika.cluster;
