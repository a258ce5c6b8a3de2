package org.kronika.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kronika.cluster.ClusterConfig;
import org.kronika.cluster.Worker;
import org.kronika.pipeline.Ingest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "worker", mixinStandardHelpOptions = true,
    description = {"Processes documents from a cluster's Kafka log into its SolrCloud collection, until stopped.",
        "Run any number of workers; they share the log's partitions. A worker that dies loses nothing: the "
            + "documents it had not committed are processed again by whoever takes its partitions."})
final class WorkerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cluster", paramLabel = "FILE", required = true,
      description = "Properties file naming the Kafka log and the SolrCloud collection.")
  Path cluster;

  @Option(names = "--threads", paramLabel = "N", description = "Threads preparing articles (default: cores).")
  int threads = Ingest.Options.defaults().threads();

  @Option(names = "--batch", paramLabel = "N",
      description = "Documents per batch, each committed to Solr and then to Kafka (default: ${DEFAULT-VALUE}).")
  int batch = 200;

  @Option(names = "--idle-exit", paramLabel = "SECONDS",
      description = "Stop after this many seconds without a document (default: run until stopped).")
  Integer idleExit;

  @Option(names = "--verbose", description = "Print a line when each batch is taken from the log and when it is committed.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    Worker worker = new Worker(ClusterConfig.load(cluster),
        new Worker.Options(Math.max(1, threads), Math.max(1, batch), idleExit == null ? null : Duration.ofSeconds(idleExit),
            verbose),
        spec.commandLine().getErr());
    CountDownLatch done = new CountDownLatch(1);
    AtomicBoolean stop = new AtomicBoolean();
    Thread hook = new Thread(() -> { // finishes the batch in hand, then stops
      stop.set(true);
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      worker.run(stop::get);
    } catch (InterruptedException e) {
      // stopped while waiting to reconnect
    } finally {
      done.countDown();
    }
    spec.commandLine().getOut().println(worker.summary());
    return 0;
  }
}
