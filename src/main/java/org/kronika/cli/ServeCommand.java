package org.kronika.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kronika.watch.WatchOptions;
import org.kronika.watch.Watcher;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.kronika.Kronika;
import org.kronika.alert.Alerts;
import org.kronika.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the web interface and the JSON API until stopped.",
        "The web interface is at /, the API under /api/ (described at /api/openapi.json). A running server "
            + "sees another process's new commits within a second."})
final class ServeCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--allow-host", paramLabel = "NAME",
      description = "Also answer requests addressed to this host name or address (repeatable), such as the "
          + "machine's name when --host is 0.0.0.0. Others are refused (421), so that a web page cannot reach the "
          + "server through DNS rebinding; localhost names and --host are always answered.")
  java.util.List<String> allowHosts = new java.util.ArrayList<>();

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "16", description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--ingest", description = "Own the data directory for writing and accept documents at "
      + "POST /api/articles (no other ingest can run meanwhile).")
  boolean ingest;

  @Option(names = "--watch", paramLabel = "SOURCE", arity = "1..*",
      description = "Also follow these sources in this process, as 'kronika watch' does (the data directory is then "
          + "opened for writing); the watch options below apply.")
  List<String> watchSources;

  @Mixin WatchOptionsMixin watch;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
    }
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    if (ingest && data.cluster != null) {
      throw new ParameterException(spec.commandLine(), "--ingest works on a data directory; a cluster takes documents "
          + "through 'kronika ingest --cluster' and its workers");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> sources = watch.sources(watchSources);
    boolean watching = !sources.isEmpty();
    WatchOptions options = null;
    if (watching) {
      try {
        Watcher.check(sources);
        options = watch.options();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopped.countDown();
      try {
        closed.await(60, TimeUnit.SECONDS); // while the watch commits and the store closes
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "kronika-serve-shutdown");
    try (Kronika kronika = ingest || watching ? Kronika.openForIngest(data.dir) : data.openForReading();
         WebServer server = WebServer.start(kronika, ingest ? data.dir.resolve("posted") : null, host, port, threads,
             allowHosts, data.cluster == null ? Alerts.of(data.dir) : null)) {
      Watcher watcher = null;
      Thread watchThread = null;
      if (watching) {
        PrintWriter err = spec.commandLine().getErr();
        try {
          watcher = new Watcher(kronika, data.dir, sources, options, line -> WatchCommand.log(err, line));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Watcher w = watcher;
        watchThread = new Thread(() -> {
          try {
            w.run();
          } catch (IOException | RuntimeException e) {
            WatchCommand.log(err, "stopped: " + Main.oneLine(e));
          }
        }, "kronika-watch");
        watchThread.start();
      }
      out.println("Serving " + (data.cluster != null ? data.cluster : data.dir) + " at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
          + "/ (API: /api/openapi.json)" + (watching ? ", watching " + sources.size() + " sources" : "")
          + "; Ctrl-C stops.");
      out.flush();
      Runtime.getRuntime().addShutdownHook(hook);
      stopped.await();
      if (watcher != null) {
        watcher.stop();
        watchThread.join(60_000);
      }
    } finally {
      closed.countDown();
    }
    return 0;
  }
}
