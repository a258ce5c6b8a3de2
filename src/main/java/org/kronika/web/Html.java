package org.kronika.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one place where HTML is written: markup our own code spells out ({@link #raw}, for
 * constants only) and everything else, escaped ({@link #text}, attribute values in
 * {@link #open}). Every piece of article content goes through {@link #escape}, so
 * {@code <script>} or {@code onerror=} in a text shows as text. Cheap (one StringBuilder);
 * not thread-safe: one instance per response.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(16 * 1024);

  /** Markup from this package's own constants; never pass content through here. */
  Html raw(String trustedMarkup) {
    out.append(trustedMarkup);
    return this;
  }

  /** Text, escaped. {@code null} writes nothing. */
  Html text(Object value) {
    if (value != null) {
      escapeInto(String.valueOf(value), out);
    }
    return this;
  }

  /**
   * An opening tag with attributes given as name, value pairs; names are our constants,
   * values are escaped; a {@code null} value leaves its attribute out.
   */
  Html open(String tag, String... attributes) {
    out.append('<').append(tag);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"");
        escapeInto(attributes[i + 1], out);
        out.append('"');
      }
    }
    out.append('>');
    return this;
  }

  Html close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** An element holding escaped text. */
  Html element(String tag, Object text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /** A link to {@code href} (already safe: built by {@link #path} or {@link #externalUrl}). */
  Html link(String href, Object text, String... moreAttributes) {
    String[] attributes = new String[moreAttributes.length + 2];
    attributes[0] = "href";
    attributes[1] = href;
    System.arraycopy(moreAttributes, 0, attributes, 2, moreAttributes.length);
    return element("a", text, attributes);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** Text made safe for element content and quoted attribute values alike. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    escapeInto(s, b);
    return b.toString();
  }

  private static void escapeInto(String s, StringBuilder b) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
  }

  /** A local path from fixed segments and encoded values, e.g. {@code path("story", id)}. */
  static String path(String first, String... values) {
    StringBuilder b = new StringBuilder("/").append(first);
    for (String v : values) {
      b.append('/').append(encode(v));
    }
    return b.toString();
  }

  /** A value encoded for a URL's path segment or query. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** An article's own URL when it is plain http(s), else {@code null}: no javascript: links. */
  static String externalUrl(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
    } catch (Exception e) {
      return null;
    }
  }
}
