package org.kronika.input;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipException;

/**
 * The input stage's front door: walks files and directories, recognises each file's format
 * from its content and hands every document it reads to a sink. A file that cannot be read
 * is rejected with a one-line reason and the walk goes on. Thread-safe if its formats are.
 */
public final class Inputs {
  /** The largest single document read into memory. */
  public static final long MAX_DOCUMENT_BYTES = Limits.DEFAULTS.maxDocumentBytes();

  private final List<InputFormat> formats;

  /** Reads with the given formats, tried in order. */
  public Inputs(List<InputFormat> formats) {
    this.formats = List.copyOf(formats);
  }

  /** The formats Kronika knows, most specific first. */
  public static Inputs standard() {
    return new Inputs(List.of(new WarcFormat(), new FeedFormat(), new JsonLinesFormat(), new HtmlFormat(), new PlainTextFormat()));
  }

  /** Reads every file under each path (directories recursively, in name order). */
  public void read(List<Path> paths, InputSink sink) {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        sink.reject(new Rejection(path.toString(), "no such file or directory"));
      } else if (Files.isDirectory(path)) {
        for (Path file : filesUnder(path, sink)) {
          if (insideFolder(path, file, sink::reject)) {
            readFile(file, sink);
          }
        }
      } else {
        readFile(path, sink);
      }
    }
  }

  private static List<Path> filesUnder(Path dir, InputSink sink) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      sink.reject(new Rejection(dir.toString(), "cannot list directory: " + e.getMessage()));
      return List.of();
    }
  }

  /**
   * Whether a file found in a folder stays inside it: a symbolic link to somewhere else (such as
   * {@code /etc/passwd}) is refused, so that whoever can write into the folder reads nothing more.
   */
  public static boolean insideFolder(Path folder, Path file, Consumer<Rejection> refused) {
    if (!Files.isSymbolicLink(file)) {
      return true;
    }
    try {
      if (file.toRealPath().startsWith(folder.toRealPath())) {
        return true;
      }
      refused.accept(new Rejection(file.toString(), "a symbolic link to a file outside " + folder + "; not followed"));
    } catch (IOException e) {
      refused.accept(new Rejection(file.toString(), "a broken symbolic link: " + e.getMessage()));
    }
    return false;
  }

  /** Reads one file; never throws. */
  public void readFile(Path path, InputSink sink) {
    RejectionsShown shown = new RejectionsShown(sink, Limits.DEFAULTS.maxRejectionsShown());
    readOne(path, shown);
    shown.finish(path.toString());
  }

  /**
   * Passes documents on and the first rejections of one file, then only counts them, so that a
   * file of 200,000 bad items is not 200,000 lines. Not thread-safe.
   */
  private static final class RejectionsShown implements InputSink {
    private final InputSink sink;
    private final int max;
    private long rejected;

    RejectionsShown(InputSink sink, int max) {
      this.sink = sink;
      this.max = max;
    }

    @Override
    public void accept(SourceDocument document) {
      sink.accept(document);
    }

    @Override
    public void reject(Rejection rejection) {
      if (++rejected <= max) {
        sink.reject(rejection);
      }
    }

    void finish(String source) {
      if (rejected > max) {
        sink.reject(new Rejection(source, (rejected - max) + " more rejected documents not listed (the first " + max
            + " are)"));
      }
    }
  }

  private void readOne(Path path, InputSink sink) {
    String source = path.toString();
    try {
      if (!Files.isReadable(path)) {
        throw new InputException("not readable");
      }
      if (Files.size(path) == 0) {
        throw new InputException("empty file");
      }
      InputFile file = new InputFile(path, Limits.DEFAULTS);
      for (InputFormat format : formats) {
        if (format.accepts(file)) {
          format.read(file, sink);
          return;
        }
      }
      throw new InputException("binary content in no known format");
    } catch (InputException e) {
      sink.reject(new Rejection(source, e.getMessage()));
    } catch (EOFException e) {
      sink.reject(new Rejection(source, "truncated file (unexpected end of data)"));
    } catch (ZipException e) {
      sink.reject(new Rejection(source, "corrupt gzip data: " + e.getMessage()));
    } catch (IOException | RuntimeException e) {
      sink.reject(new Rejection(source, "unreadable: " + oneLine(e)));
    } catch (StackOverflowError | OutOfMemoryError e) {
      sink.reject(new Rejection(source, tooBig(e)));
    }
  }

  /**
   * The reason for a document that broke the reader's stack or heap: caught at the document's
   * boundary (the limits should stop such input first), so that one document never ends an ingest.
   */
  public static String tooBig(Error e) {
    return "too large or too deeply nested to read (" + e.getClass().getSimpleName() + ")";
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s+", " "));
  }

  /** Collects documents and rejections into lists; handy for tests and small inputs. */
  public static final class Collected implements InputSink {
    public final List<SourceDocument> documents = new ArrayList<>();
    public final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void accept(SourceDocument document) {
      documents.add(document);
    }

    @Override
    public void reject(Rejection rejection) {
      rejections.add(rejection);
    }
  }
}
