package org.kronika.input;

/** Receives what the input stage reads: documents in order, and rejections as they happen. */
public interface InputSink {
  void accept(SourceDocument document);

  void reject(Rejection rejection);
}
