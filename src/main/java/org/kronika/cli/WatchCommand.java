package org.kronika.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.kronika.Kronika;
import org.kronika.watch.WatchOptions;
import org.kronika.watch.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true,
    description = {"Follows feeds, sitemaps, home pages and folders, ingesting every new item, until stopped.",
        "Sources are RSS/Atom feeds, news sitemaps, site home pages (through the feeds they link) and local "
            + "folders; a feed item with only a summary has its page fetched. It is polite: robots.txt, "
            + "conditional requests, per-host limits and an adaptive interval per source.",
        "State lives in DIR/watch/sources.json: a restart resumes without fetching or storing anything twice. "
            + "Faults are reported on standard error and never stop the other sources; 'kronika sources' shows "
            + "each source's health."})
final class WatchCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Mixin WatchOptionsMixin watch;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SOURCE", arity = "0..*",
      description = "Feed, sitemap or home page URLs (http, https) and folder paths.")
  List<String> named;

  @Option(names = "--once", description = "Poll every source once, ingest, save and exit (for tests and cron).")
  boolean once;

  @Override
  public Integer call() throws Exception {
    List<String> sources = watch.sources(named);
    if (sources.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no source given (name them, or use --sources FILE)");
    }
    WatchOptions options;
    try {
      Watcher.check(sources);
      options = watch.options();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Kronika kronika = Kronika.openForIngest(data.dir);
    // SIGTERM or SIGINT: the hook stops the watcher, then waits while it commits, saves its
    // state and the store closes (below), so that the JVM halts only after all that.
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      Watcher w = running;
      if (w != null) {
        w.stop();
      }
      try {
        closed.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "kronika-watch-shutdown");
    try {
      Watcher watcher;
      try {
        watcher = new Watcher(kronika, data.dir, sources, options, line -> log(err, line));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      running = watcher;
      if (once) {
        watcher.runOnce();
      } else {
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Watching " + sources.size() + " sources into " + data.dir + "; Ctrl-C stops.");
        out.flush();
        watcher.run();
      }
      Watcher.Stats s = watcher.stats();
      out.println("polls " + s.polls() + ", requests " + s.requests() + " (" + s.notModified() + " not modified), items "
          + s.items() + ", errors " + s.errors());
      out.flush();
    } finally {
      kronika.close();
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // shutting down (the hook is waiting for the countDown above), or never added
      }
    }
    return 0;
  }

  private volatile Watcher running;

  static void log(PrintWriter err, String line) {
    synchronized (err) {
      err.println("kronika watch: " + line);
      err.flush();
    }
  }
}
