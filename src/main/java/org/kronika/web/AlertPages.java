package org.kronika.web;

import java.io.IOException;
import java.util.List;
import org.kronika.alert.Alerts;

/**
 * The saved searches' page ({@code /alerts}): each alert with its query, language and webhook,
 * a button to remove it, and a form to save one (a search page links here with its query
 * filled in). The forms carry the server's form token, which only a page served here can
 * read, so a page of another site cannot make a visitor's browser save or remove alerts.
 * Stateless; thread-safe.
 */
final class AlertPages {
  private AlertPages() {}

  static String render(Alerts alerts, String token, String query, String lang) throws IOException {
    Html h = Pages.start("Alerts", null);
    h.element("h1", "Alerts");
    h.element("p", "After every ingest each saved search runs again; each article it finds for the first time is "
        + "POSTed to its webhook as a JSON notice, retried until the webhook takes it.", "class", "meta");
    List<Alerts.Alert> all = alerts.list();
    if (all.isEmpty()) {
      h.element("p", "No saved searches yet.");
    } else {
      h.raw("<ul class=\"alerts\">\n");
      for (Alerts.Alert a : all) {
        h.open("li").open("a", "href", "/search?q=" + Html.encode(a.query())).text(a.query()).close("a")
            .text((a.lang() == null ? "" : " (" + Pages.language(a.lang()) + ")") + " → " + a.webhook() + " ");
        h.open("form", "method", "post", "action", "/alerts", "class", "inline");
        Pages.hidden(h, "token", token);
        Pages.hidden(h, "remove", a.id());
        h.raw("<button type=\"submit\">Remove</button></form></li>\n");
      }
      h.raw("</ul>\n");
    }
    int waiting = alerts.waiting();
    if (waiting > 0) {
      h.element("p", waiting + (waiting == 1 ? " notice waits" : " notices wait") + " for a webhook to take it.",
          "class", "meta", "role", "status");
    }
    h.element("h2", "Save a search");
    h.open("form", "method", "post", "action", "/alerts", "class", "filters");
    Pages.hidden(h, "token", token);
    h.element("label", "Words", "for", "alert-q").open("input", "id", "alert-q", "name", "q", "type", "search",
        "required", "required", "value", query);
    h.element("label", "Language (ISO code, optional)", "for", "alert-lang").open("input", "id", "alert-lang", "name",
        "lang", "type", "text", "size", "3", "value", lang);
    h.element("label", "Webhook", "for", "alert-webhook").open("input", "id", "alert-webhook", "name", "webhook",
        "type", "url", "required", "required", "placeholder", "https://example.org/hook");
    h.raw("<button type=\"submit\">Save</button></form>\n");
    return Pages.end(h);
  }
}
