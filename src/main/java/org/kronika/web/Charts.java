package org.kronika.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The charts, as server-rendered SVG that scales to the page: a story card's small bars, and
 * timelines with dated axis, scale, a legend per series (colours from style.css, classes
 * {@code s0}…{@code s7}, the eighth gathering the rest) and a table of the same counts for
 * those who cannot see them. Stateless and thread-safe.
 */
final class Charts {
  /** Series drawn apart; the rest are summed into the last one. */
  private static final int SERIES = 8;
  private static final int WIDTH = 480;
  private static final int HEIGHT = 150;
  private static final int LEFT = 36;
  private static final int BOTTOM = 22;
  private static final int TOP = 8;
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private Charts() {}

  /** A story's articles per day as small bars, for lists; described in words for screen readers. */
  static void sparkline(Catalog.StoryView v, Html h, int width, int height) {
    int[] bars = v.perDay();
    if (bars.length == 0) {
      return;
    }
    int max = 1;
    for (int b : bars) {
      max = Math.max(max, b);
    }
    h.open("svg", "class", "chart", "role", "img", "width", String.valueOf(width), "height", String.valueOf(height),
        "viewBox", "0 0 " + width + " " + height,
        "aria-label", "Articles per " + unit(v.daysPerBar()) + " from " + v.story().first() + ": " + join(bars));
    double w = Math.min((double) width / bars.length, width / 12.0); // one-day stories get a bar, not a slab
    for (int i = 0; i < bars.length; i++) {
      double bh = bars[i] == 0 ? 0 : Math.max(2, (double) bars[i] / max * (height - 2));
      h.open("rect", "x", fmt(i * w + 0.5), "y", fmt(height - bh), "width", fmt(Math.max(1, w - 1)), "height", fmt(bh));
      h.element("title", v.story().first().plusDays((long) i * v.daysPerBar()) + ": " + bars[i]);
      h.close("rect");
    }
    h.close("svg");
  }

  /**
   * Counts per bar of {@code daysPerBar} days from {@code from} to {@code last}, stacked by
   * series (in the order given; a legend when there are several), with dates under the bars and
   * the largest bar's count as the scale, then the same counts as a table in a disclosure.
   */
  static void timeline(Html h, String id, String what, LocalDate from, LocalDate last, int daysPerBar,
                       Map<String, int[]> series) {
    List<String> names = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    series.forEach((name, values) -> {
      if (names.size() < SERIES) {
        names.add(name);
        counts.add(values.clone());
      } else {
        names.set(SERIES - 1, "other");
        int[] rest = counts.get(SERIES - 1);
        for (int i = 0; i < rest.length; i++) {
          rest[i] += values[i];
        }
      }
    });
    if (from == null || counts.isEmpty() || counts.get(0).length == 0) {
      return;
    }
    int n = counts.get(0).length;
    int[] totals = new int[n];
    int max = 1;
    for (int i = 0; i < n; i++) {
      for (int[] c : counts) {
        totals[i] += c[i];
      }
      max = Math.max(max, totals[i]);
    }
    String label = what + " per " + unit(daysPerBar) + ", " + from.format(LONG) + " to " + last.format(LONG);
    h.open("figure", "class", "timeline");
    h.open("svg", "class", "timeline", "role", "img", "viewBox", "0 0 " + WIDTH + " " + HEIGHT,
        "aria-labelledby", id + "-title " + id + "-desc");
    h.element("title", label, "id", id + "-title");
    h.element("desc", "Highest: " + max + ". Totals: " + describe(names, counts) + ". The table below gives every count.",
        "id", id + "-desc");
    double plotW = WIDTH - LEFT - 4;
    double plotH = HEIGHT - TOP - BOTTOM;
    double barW = plotW / n;
    h.open("line", "class", "axis", "x1", fmt(LEFT), "y1", fmt(TOP + plotH), "x2", fmt(WIDTH - 4), "y2", fmt(TOP + plotH))
        .close("line");
    h.open("line", "class", "grid", "x1", fmt(LEFT), "y1", fmt(TOP), "x2", fmt(WIDTH - 4), "y2", fmt(TOP)).close("line");
    h.element("text", max, "class", "scale", "x", fmt(LEFT - 4), "y", fmt(TOP + 4), "text-anchor", "end");
    h.element("text", 0, "class", "scale", "x", fmt(LEFT - 4), "y", fmt(TOP + plotH), "text-anchor", "end");
    for (int i = 0; i < n; i++) {
      if (totals[i] == 0) {
        continue;
      }
      h.open("g").element("title", barLabel(from, daysPerBar, i) + ": " + totals[i] + breakdown(names, counts, i));
      double y = TOP + plotH;
      for (int s = 0; s < counts.size(); s++) {
        int c = counts.get(s)[i];
        if (c > 0) {
          double bh = Math.max(1, c / (double) max * plotH);
          y -= bh;
          h.open("rect", "class", "s" + s, "x", fmt(LEFT + i * barW + 0.5), "y", fmt(y), "width", fmt(Math.max(1, barW - 1)),
              "height", fmt(bh)).close("rect");
        }
      }
      h.close("g");
    }
    int[] ticks = n == 1 ? new int[] {0} : n == 2 ? new int[] {0, 1} : new int[] {0, n / 2, n - 1};
    DateTimeFormatter middle = from.getYear() == last.getYear() ? SHORT : MONTH; // a span over years dates its middle by year
    for (int k = 0; k < ticks.length; k++) {
      int i = ticks[k];
      String anchor = ticks.length == 1 ? "start" : k == 0 ? "start" : k == ticks.length - 1 ? "end" : "middle";
      double x = anchor.equals("end") ? LEFT + (i + 1) * barW : LEFT + i * barW;
      LocalDate day = k > 0 && k == ticks.length - 1 ? last : from.plusDays((long) i * daysPerBar);
      h.element("text", day.format(k == 0 || k == ticks.length - 1 ? LONG : middle), "class", "date", "x", fmt(x),
          "y", fmt(HEIGHT - 4), "text-anchor", anchor);
    }
    h.close("svg");
    if (names.size() > 1) {
      h.raw("<ul class=\"legend\" aria-hidden=\"true\">");
      for (int s = 0; s < names.size(); s++) {
        h.open("li").element("span", "", "class", "swatch s" + s).text(Pages.language(names.get(s))).close("li");
      }
      h.raw("</ul>");
    }
    h.open("details").element("summary", "Table of " + what.toLowerCase(Locale.ROOT) + " per " + unit(daysPerBar));
    h.raw("<table><thead><tr>").element("th", daysPerBar == 1 ? "Day" : "From", "scope", "col")
        .element("th", "Total", "scope", "col");
    if (names.size() > 1) {
      names.forEach(name -> h.element("th", Pages.language(name), "scope", "col"));
    }
    h.raw("</tr></thead><tbody>");
    for (int i = 0; i < n; i++) {
      if (totals[i] > 0) {
        LocalDate day = from.plusDays((long) i * daysPerBar);
        h.open("tr").open("th", "scope", "row").element("time", day, "datetime", day.toString()).close("th")
            .element("td", totals[i]);
        if (names.size() > 1) {
          for (int[] c : counts) {
            h.element("td", c[i]);
          }
        }
        h.close("tr");
      }
    }
    h.raw("</tbody></table></details></figure>");
  }

  private static String barLabel(LocalDate from, int daysPerBar, int i) {
    LocalDate day = from.plusDays((long) i * daysPerBar);
    return daysPerBar == 1 ? day.toString() : day + " – " + day.plusDays(daysPerBar - 1);
  }

  private static String breakdown(List<String> names, List<int[]> counts, int i) {
    if (names.size() < 2) {
      return "";
    }
    StringBuilder b = new StringBuilder(" (");
    for (int s = 0; s < names.size(); s++) {
      if (counts.get(s)[i] > 0) {
        b.append(b.length() > 2 ? ", " : "").append(names.get(s)).append(' ').append(counts.get(s)[i]);
      }
    }
    return b.append(')').toString();
  }

  private static String describe(List<String> names, List<int[]> counts) {
    StringBuilder b = new StringBuilder();
    for (int s = 0; s < names.size(); s++) {
      int sum = 0;
      for (int c : counts.get(s)) {
        sum += c;
      }
      b.append(s == 0 ? "" : ", ").append(Pages.language(names.get(s))).append(' ').append(sum);
    }
    return b.toString();
  }

  private static String unit(int daysPerBar) {
    return daysPerBar == 1 ? "day" : daysPerBar + " days";
  }

  private static String join(int[] bars) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < bars.length; i++) {
      b.append(i == 0 ? "" : ", ").append(bars[i]);
    }
    return b.toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
