package org.kronika.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Scores a clustering against gold labels with the two usual measures: BCubed (per item:
 * the share of its cluster that shares its label, and of its label that shares its cluster,
 * averaged over items) and pairwise (over all pairs of items put together, or belonging
 * together). Both from one contingency table, in time linear in the items. Immutable.
 */
public record Clustering(double bcubedPrecision, double bcubedRecall, double pairPrecision, double pairRecall,
                         int items, int clusters) {

  /** Scores {@code predicted} (item to cluster) against {@code gold} (item to label) over gold's items. */
  public static Clustering score(Map<String, String> predicted, Map<String, String> gold) {
    Map<String, Map<String, Integer>> table = new HashMap<>();
    Map<String, Integer> clusterSize = new HashMap<>();
    Map<String, Integer> labelSize = new HashMap<>();
    int n = 0;
    for (Map.Entry<String, String> e : gold.entrySet()) {
      String cluster = predicted.get(e.getKey());
      if (cluster == null) {
        cluster = "unclustered:" + e.getKey(); // an item the system lost is a cluster of its own
      }
      table.computeIfAbsent(cluster, k -> new HashMap<>()).merge(e.getValue(), 1, Integer::sum);
      clusterSize.merge(cluster, 1, Integer::sum);
      labelSize.merge(e.getValue(), 1, Integer::sum);
      n++;
    }
    double bp = 0;
    double br = 0;
    double together = 0;
    for (Map.Entry<String, Map<String, Integer>> c : table.entrySet()) {
      for (Map.Entry<String, Integer> l : c.getValue().entrySet()) {
        double nkl = l.getValue();
        bp += nkl * nkl / clusterSize.get(c.getKey());
        br += nkl * nkl / labelSize.get(l.getKey());
        together += nkl * (nkl - 1) / 2;
      }
    }
    double predictedPairs = clusterSize.values().stream().mapToDouble(x -> x * (x - 1.0) / 2).sum();
    double goldPairs = labelSize.values().stream().mapToDouble(x -> x * (x - 1.0) / 2).sum();
    return new Clustering(n == 0 ? 0 : bp / n, n == 0 ? 0 : br / n,
        predictedPairs == 0 ? 1 : together / predictedPairs, goldPairs == 0 ? 1 : together / goldPairs,
        n, clusterSize.size());
  }

  public double bcubedF1() {
    return f1(bcubedPrecision, bcubedRecall);
  }

  public double pairF1() {
    return f1(pairPrecision, pairRecall);
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  @Override
  public String toString() {
    return String.format("BCubed P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | %d items in %d clusters",
        bcubedPrecision, bcubedRecall, bcubedF1(), pairPrecision, pairRecall, pairF1(), items, clusters);
  }
}
