package org.kronika.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * CPU time spent in each pipeline stage, summed over all threads. CPU time rather than wall
 * time so that figures stay comparable on a busy machine. Costs one clock read per stage
 * and article. Thread-safe.
 */
public final class StageTimes {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<String, LongAdder> nanos = new LinkedHashMap<>();

  StageTimes(String... stages) {
    for (String stage : stages) {
      nanos.put(stage, new LongAdder());
    }
  }

  /** The current thread's CPU time in nanoseconds. */
  static long now() {
    return THREADS.getCurrentThreadCpuTime();
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
