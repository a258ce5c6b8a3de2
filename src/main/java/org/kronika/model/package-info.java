/**
 * The records everything reads: {@code Article}, {@code Story} and {@code Storyline}, as the
 * contract's JSON gives them.
 */
package org.kronika.model;
