package org.kronika.entity;

/** The kinds of named entity Kronika tells apart: persons, organisations, places, and the rest. */
public enum EntityType {
  PER, ORG, LOC, MISC;

  /** Our type for a SlavicNER label: events and products are {@link #MISC}. */
  static EntityType ofLabel(String label) {
    return switch (label) {
      case "PER" -> PER;
      case "ORG" -> ORG;
      case "LOC" -> LOC;
      default -> MISC;
    };
  }
}
