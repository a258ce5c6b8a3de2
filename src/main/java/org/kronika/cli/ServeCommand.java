package org.kronika.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.kronika.Kronika;
import org.kronika.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serves the web interface at / and the JSON API under /api/ (described at",
        "/api/openapi.json) until stopped; sees another process's new commits within a second."})
final class ServeCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "16", description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--ingest", description = "Own the data directory for writing and accept documents at "
      + "POST /api/articles (no other ingest can run meanwhile).")
  boolean ingest;

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
    try (Kronika kronika = ingest ? Kronika.openForIngest(data.dir) : data.openForReading();
         WebServer server = WebServer.start(kronika, ingest ? data.dir.resolve("posted") : null, host, port, threads)) {
      out.println("Serving " + (data.cluster != null ? data.cluster : data.dir) + " at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
          + "/ (API: /api/openapi.json); Ctrl-C stops.");
      out.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }
}
