package org.kronika.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kronika.Kronika;
import org.kronika.internal.Directories;
import org.kronika.pipeline.Ingest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Times full ingests of PATH... into fresh data directories.",
        "It prints articles per second per stage and in total, peak heap, and the store's size against the "
            + "input's. Each round ingests the same input into a new store in the same JVM: the first round pays "
            + "for compiling the code (the JIT), later ones show the steady state of a long ingest.",
        "Stage figures are articles per second of the CPU time threads spent in that stage; the cpu line counts "
            + "the CPU time of every thread of the process."})
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories to ingest.")
  List<Path> paths;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Where to build the stores, one per round (default: a temporary directory, deleted afterwards).")
  Path data;

  @Option(names = "--threads", paramLabel = "N", description = "Threads preparing articles (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--rounds", paramLabel = "N",
      description = "Ingests of the input, each into a fresh store (default: ${DEFAULT-VALUE}). The steady state "
          + "is the median of the rounds after the first " + WARM_UP_ROUNDS + ", which still compile code.")
  int rounds = 5;

  /** Rounds the JIT takes to compile the hot code on the SlavicNER corpus (about 10,000 articles). */
  private static final int WARM_UP_ROUNDS = 2;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (rounds < 1) {
      throw new ParameterException(spec.commandLine(), "--rounds must be at least 1");
    }
    Path base = data != null ? data : Files.createTempDirectory("kronika-bench");
    try {
      long input = 0;
      for (Path p : paths) {
        input += Directories.size(p);
      }
      List<Double> warmRates = new ArrayList<>();
      double coldRate = 0;
      for (int round = 1; round <= rounds; round++) {
        Path dir = base.resolve("round-" + round);
        double rate = round(round, dir, input, out);
        if (round == 1) {
          coldRate = rate;
        } else if (round > WARM_UP_ROUNDS || rounds <= WARM_UP_ROUNDS) {
          warmRates.add(rate);
        }
        if (round < rounds) {
          Directories.deleteTree(dir);
        }
      }
      out.printf("%ncold (round 1): %.0f articles/s", coldRate);
      if (rounds > 1) {
        Collections.sort(warmRates);
        out.printf("; steady state (median of rounds %d-%d): %.0f articles/s", rounds <= WARM_UP_ROUNDS ? 2 : WARM_UP_ROUNDS + 1,
            rounds, warmRates.get(warmRates.size() / 2));
      }
      out.printf(" (wall clock)%n");
      out.flush();
      return 0;
    } finally {
      if (data == null) {
        Directories.deleteTree(base);
      }
    }
  }

  /** Ingests the input into {@code dir}, prints the round's figures and returns its articles per second. */
  private double round(int round, Path dir, long input, PrintWriter out) throws IOException {
    resetPeakHeap();
    long warmUp;
    long start;
    long cpuStart;
    Ingest.Report report;
    Map<String, Long> stages;
    try (Kronika kronika = Kronika.openForIngest(dir)) {
      warmUp = kronika.warmUp();
      Map<String, Long> before = kronika.stageTimes().snapshot();
      start = System.nanoTime();
      cpuStart = processCpu();
      report = kronika.ingest(paths, new Ingest.Options(threads, Ingest.Options.defaults().commitEvery()), r -> { });
      stages = kronika.stageTimes().snapshot();
      stages.replaceAll((stage, nanos) -> nanos - before.get(stage));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpu() - cpuStart) / 1e9;
    long articles = report.stored() + report.duplicates();
    double rate = articles / seconds;
    out.printf("%nround %d of %d%s%n", round, rounds, round == 1 ? " (cold: includes compiling the code)" : "");
    out.println(report.summary());
    out.printf("%-14s %12s %10s%n", "stage", "articles/s", "ms/article");
    for (Map.Entry<String, Long> e : stages.entrySet()) {
      double s = e.getValue() / 1e9;
      out.printf("%-14s %12.0f %10.3f%n", e.getKey(), s == 0 ? 0 : articles / s, articles == 0 ? 0 : s * 1000 / articles);
    }
    out.printf("%-14s %12.0f %10.3f   (wall clock, %d preparing threads, incl. the final commit)%n", "total",
        rate, seconds * 1000 / Math.max(1, articles), threads);
    out.printf("%-14s %12.0f %10.3f   (CPU of every thread, GC, JIT and indexing included: the machine's bound is cores/this)%n",
        "cpu", articles / cpuSeconds, cpuSeconds * 1000 / Math.max(1, articles));
    out.printf("models loaded before timing in %d ms%n", warmUp);
    out.printf("peak heap      %d MB%n", peakHeap() >> 20);
    long store = Directories.size(dir);
    out.printf("input %.1f MB, store %.1f MB (%.2f× the input)%n", input / 1e6, store / 1e6, (double) store / input);
    out.flush();
    return rate;
  }

  /** CPU time of the whole process so far, in nanoseconds. */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }


}
