package org.kronika.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import org.kronika.Kronika;
import org.kronika.alert.Alerts;
import org.kronika.internal.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = {"Saves searches whose new articles are sent to a webhook.",
        "After every ingest (by 'ingest', 'watch' or 'serve --ingest') each saved search is run again; each "
            + "article it finds for the first time is POSTed to the webhook as a JSON notice with an id, of "
            + "kind 'story' when the article opened a new story and 'article' otherwise. Notices wait in "
            + "DIR/alerts/outbox until the webhook answers 2xx, and are tried again later, at growing intervals, "
            + "when it does not: every notice arrives at least once, a repeat with the same id."},
    subcommands = {AlertsCommand.Add.class, AlertsCommand.ListAlerts.class, AlertsCommand.Remove.class,
        AlertsCommand.Deliver.class})
final class AlertsCommand implements Callable<Integer> {
  private static final String WHERE = "alerts are kept in a data directory and told of its ingests";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Saves a search; articles that match it now count as seen, later ones are sent.")
  static final class Add implements Callable<Integer> {
    @Mixin DataOption data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words to look for, as 'kronika search' reads them.")
    java.util.List<String> query;

    @Option(names = "--webhook", paramLabel = "URL", required = true, description = "Where notices are POSTed (http or https).")
    URI webhook;

    @Option(names = "--lang", paramLabel = "L", description = "Only articles in this language (ISO 639-1).")
    String lang;

    @Override
    public Integer call() throws Exception {
      Alerts alerts = Alerts.of(data.directoryOnly(WHERE));
      try (Kronika k = data.openForReading()) {
        Alerts.Alert alert = alerts.add(String.join(" ", query), lang, webhook, k);
        spec.commandLine().getOut().println(alert.id());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the saved searches.")
  static final class ListAlerts implements Callable<Integer> {
    @Mixin DataOption data;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Alerts alerts = Alerts.of(data.directoryOnly(WHERE));
      for (Alerts.Alert a : alerts.list()) {
        out.println(json ? Json.write(a) : a.id() + "  " + a.query() + (a.lang() == null ? "" : "  [" + a.lang() + "]")
            + "  -> " + a.webhook());
      }
      if (!json) {
        out.println(alerts.waiting() + " notices waiting to be sent");
      }
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a saved search.")
  static final class Remove implements Callable<Integer> {
    @Mixin DataOption data;

    @Parameters(paramLabel = "ID", description = "The alert's id, as 'kronika alerts list' shows it.")
    String id;

    @Override
    public Integer call() throws Exception {
      if (!Alerts.of(data.directoryOnly(WHERE)).remove(id)) {
        throw new IllegalArgumentException("no alert " + id + " in " + data.dir);
      }
      return 0;
    }
  }

  @Command(name = "deliver", mixinStandardHelpOptions = true,
      description = "Sends the notices that are due now (for cron, when nothing ingests for a while).")
  static final class Deliver implements Callable<Integer> {
    @Mixin DataOption data;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Alerts.Delivery d = Alerts.of(data.directoryOnly(WHERE)).deliver();
      spec.commandLine().getOut().println("sent " + d.sent() + ", failed " + d.failed() + ", waiting " + d.waiting());
      return d.failed() > 0 ? 1 : 0;
    }
  }
}
