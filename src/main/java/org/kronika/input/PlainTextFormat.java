package org.kronika.input;

import java.io.IOException;

/**
 * Plain-text news as scrapers leave it, one article a file, in any charset. Accepts any file
 * that is not binary, so it is tried last. Stateless and thread-safe.
 */
public final class PlainTextFormat implements InputFormat {
  @Override
  public String name() {
    return "text";
  }

  @Override
  public boolean accepts(InputFile file) throws IOException {
    return !TextDecoder.looksBinary(file.head());
  }

  @Override
  public void read(InputFile file, InputSink sink) throws IOException {
    String text = TextDecoder.decode(file.readAll());
    if (text.isBlank()) {
      throw new InputException("no text in file");
    }
    sink.accept(SourceDocument.text(file.source(), text));
  }
}
