package org.kronika.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kronika.Kronika;
import org.kronika.cluster.ClusterConfig;
import org.kronika.cluster.DocumentLog;
import org.kronika.input.Rejection;
import org.kronika.pipeline.Ingest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Reads news files and directories (walked recursively) into the data directory.",
        "Formats are recognised from the content. A document already stored is skipped; the same text from "
            + "another source is stored and marked as an exact duplicate. Bad documents are reported on standard "
            + "error and skipped; the exit status is 1 only when nothing at all could be read.",
        "With --cluster, the documents are published to the cluster's Kafka log for its workers."})
final class IngestCommand implements Callable<Integer> {
  @Mixin DataOption data;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories to read.")
  List<Path> paths;

  @Option(names = "--threads", paramLabel = "N", description = "Threads preparing articles (default: cores).")
  int threads = Ingest.Options.defaults().threads();

  @Option(names = "--commit-every", paramLabel = "N",
      description = "Articles between durable commits (default: ${DEFAULT-VALUE}).")
  int commitEvery = Ingest.Options.defaults().commitEvery();

  @Option(names = "--knowledge", paramLabel = "FILE",
      description = "Entity knowledge written by 'kronika learn --knowledge FILE' (default: the data directory's, if any).")
  Path knowledge;

  @Option(names = "--progress", negatable = true,
      description = "Report on standard error each time articles are made durable (default: on a terminal).")
  Boolean progress;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (data.cluster != null) {
      return publish(err);
    }
    boolean terminal = progress != null ? progress : System.console() != null;
    try (Kronika kronika = Kronika.openForIngest(data.dir, org.kronika.story.StoryStage.standard(), knowledge)) {
      Ingest.Report report = kronika.ingest(paths, new Ingest.Options(threads, commitEvery), new Ingest.Listener() {
        @Override
        public void rejected(Rejection rejection) {
          err.println("rejected " + rejection);
          err.flush();
        }

        @Override
        public void said(String line) {
          err.println(line);
          err.flush();
        }

        @Override
        public void committed(long storedSoFar) {
          if (terminal) {
            err.println("stored " + storedSoFar + " articles so far");
            err.flush();
          }
        }
      });
      spec.commandLine().getOut().println(report.summary());
      return report.read() == 0 && report.rejected() > 0 ? 1 : 0;
    }
  }

  /** In cluster mode ingest only reads the documents and puts them in the log; workers do the rest. */
  private int publish(PrintWriter err) throws Exception {
    try (DocumentLog log = DocumentLog.open(ClusterConfig.load(data.cluster))) {
      DocumentLog.Report report = log.publish(paths, rejection -> {
        err.println("rejected " + rejection);
        err.flush();
      });
      spec.commandLine().getOut().println(report.summary());
      return report.published() == 0 && report.rejected() > 0 ? 1 : 0;
    }
  }
}
