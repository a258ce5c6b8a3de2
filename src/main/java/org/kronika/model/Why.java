package org.kronika.model;

import java.util.List;

/**
 * Why an article is in its story, or a story in its storyline: how alike it was to the group
 * when it joined (the similarity the joining threshold was checked against) and the shared
 * features that made most of it, strongest first. Immutable.
 *
 * @param story    the similarity, from 0 to 1
 * @param evidence the shared features, each with the part of the similarity it gave
 */
public record Why(double story, List<Evidence> evidence) {
  public Why {
    evidence = List.copyOf(evidence);
  }

  /**
   * One shared feature.
   *
   * @param kind   {@code name} (a recognised entity or a capitalised word's cross-script key),
   *               {@code key} (a content word's cross-script key), {@code word} (a lemma),
   *               {@code number} or {@code quote}
   * @param value  the feature as a reader knows it: an entity's or name's display form, else the key
   *               or lemma
   * @param weight the part of the similarity it gave
   */
  public record Evidence(String kind, String value, double weight) {}
}
