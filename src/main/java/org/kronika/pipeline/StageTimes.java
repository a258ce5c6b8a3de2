package org.kronika.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Nanoseconds spent in each pipeline stage, summed over all threads. Costs two
 * {@code System.nanoTime()} calls per stage and article. Thread-safe.
 */
public final class StageTimes {
  private final Map<String, LongAdder> nanos = new LinkedHashMap<>();

  StageTimes(String... stages) {
    for (String stage : stages) {
      nanos.put(stage, new LongAdder());
    }
  }

  void add(String stage, long elapsedNanos) {
    nanos.get(stage).add(elapsedNanos);
  }

  /** Stage name to total nanoseconds, in pipeline order. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new LinkedHashMap<>();
    nanos.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
