/**
 * Small helpers shared by the stages (hashes, JSON, directories); not for use outside Kronika.
 */
package org.kronika.internal;
