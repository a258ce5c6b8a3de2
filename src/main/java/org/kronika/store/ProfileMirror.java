package org.kronika.store;

import static org.kronika.store.StoreField.GROUP_ID;
import static org.kronika.store.StoreField.PLACED;
import static org.kronika.store.StoreField.PROFILE;
import static org.kronika.store.StoreField.SHARED;
import static org.kronika.store.StoreField.WRITER;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.kronika.internal.Directories;
import org.kronika.internal.Json;
import org.kronika.story.StoryIndex.WeightedTerm;
import org.kronika.story.StoryProfile;

/**
 * A cluster writer's own copy of the collection's story and storyline profiles, in a Lucene
 * index in a temporary directory, searched as the embedded store searches its profiles
 * ({@link ProfileSearch}): the writer finds every article's candidates here instead of asking
 * Solr, and {@link SolrStore} brings the copy up to date once per batch with what the other
 * writers changed. What this copy holds only guides placement: every write still goes over the
 * version Solr holds. Not thread-safe.
 */
final class ProfileMirror implements Closeable {
  private static final String PREFIX = "kronika-profiles-";
  /** Parsed profiles kept at hand: a batch's candidates come back again and again. */
  private static final int PARSED_KEPT = 4096;

  /** A mirrored profile and how its story was opened ({@code null}s for a storyline or an unknown opening). */
  record Entry(StoryProfile profile, String writer, Long placed, Long shared) {}

  private final Path dir;
  private final FSDirectory directory;
  private final IndexWriter index;
  private final SearcherManager searchers;
  /** Solr's {@code _version_} of every mirrored profile, by group id. */
  private final Map<String, Long> versions = new HashMap<>();
  private long puts;
  private final Map<String, Entry> parsed = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > PARSED_KEPT;
    }
  };

  ProfileMirror() throws IOException {
    removeAbandoned();
    dir = Files.createTempDirectory(PREFIX);
    directory = FSDirectory.open(dir);
    index = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE));
    searchers = new SearcherManager(index, null);
  }

  /** Where this copy lives. */
  Path directory() {
    return dir;
  }

  /** Solr's version of the mirrored profile, or -1 when it is not mirrored. */
  long version(String groupId) {
    return versions.getOrDefault(groupId, -1L);
  }

  /** Mirrors one profile as Solr stores it at {@code version}; searchable after {@link #refresh}. */
  void put(Entry e, long version) throws IOException {
    Document doc = ProfileSearch.document(GroupDocument.of(e.profile()));
    if (e.writer() != null) {
      doc.add(new StoredField(WRITER.field, e.writer()));
      doc.add(new StoredField(PLACED.field, e.placed()));
      doc.add(new StoredField(SHARED.field, e.shared()));
    }
    index.updateDocument(new Term(GROUP_ID.field, e.profile().id()), doc);
    versions.put(e.profile().id(), version);
    parsed.put(e.profile().id(), e);
    puts++;
  }

  /** Profiles put so far: changes whenever what the mirror holds does. */
  long puts() {
    return puts;
  }

  /** Makes every profile put so far searchable. */
  void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Up to {@code limit} profiles of one level, ranked as the embedded store ranks its candidates. */
  List<Entry> candidates(StoryProfile.Level level, Collection<WeightedTerm> terms, LocalDate date, int limit)
      throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      List<Entry> found = new ArrayList<>();
      for (ScoreDoc hit : s.search(ProfileSearch.candidates(s, level, terms, date), limit).scoreDocs) {
        found.add(entry(s, hit.doc));
      }
      return found;
    } finally {
      searchers.release(s);
    }
  }

  /** A mirrored profile by group id, as of the last {@link #refresh}. */
  Optional<Entry> get(String groupId) throws IOException {
    Entry known = parsed.get(groupId);
    if (known != null || !versions.containsKey(groupId)) {
      return Optional.ofNullable(known);
    }
    IndexSearcher s = searchers.acquire();
    try {
      ScoreDoc[] hits = s.search(new TermQuery(new Term(GROUP_ID.field, groupId)), 1).scoreDocs;
      return hits.length == 0 ? Optional.empty() : Optional.of(entry(s, hits[0].doc));
    } finally {
      searchers.release(s);
    }
  }

  /** A hit's entry: parsed already, found by its id in the doc values, or read from its stored fields. */
  private Entry entry(IndexSearcher s, int doc) throws IOException {
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedDocValues ids = DocValues.getSorted(leaf.reader(), GROUP_ID.field);
    if (ids.advanceExact(doc - leaf.docBase)) {
      Entry known = parsed.get(ids.lookupOrd(ids.ordValue()).utf8ToString());
      if (known != null) {
        return known;
      }
    }
    Document d = s.storedFields().document(doc, Set.of(GROUP_ID.field, PROFILE.field, WRITER.field, PLACED.field, SHARED.field));
    String id = d.get(GROUP_ID.field);
    String writer = d.get(WRITER.field);
    Entry e = new Entry(Json.read(d.get(PROFILE.field), StoryProfile.class), writer,
        writer == null ? null : d.getField(PLACED.field).numericValue().longValue(),
        writer == null ? null : d.getField(SHARED.field).numericValue().longValue());
    parsed.put(id, e);
    return e;
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      index.rollback();
      directory.close();
    } finally {
      Directories.deleteTree(dir);
    }
  }

  /**
   * Deletes the copies of writers that died without closing theirs (a killed process): those
   * whose index lock nobody holds, as the operating system releases a dead process's locks, and
   * untouched for a minute (a writer starting this moment holds no lock yet).
   */
  static void removeAbandoned() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long aMinuteAgo = System.currentTimeMillis() - 60_000;
    try (Stream<Path> dirs = Files.list(tmp)) {
      for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).toList()) {
        if (Files.getLastModifiedTime(d).toMillis() > aMinuteAgo) {
          continue;
        }
        boolean abandoned;
        try (FSDirectory old = FSDirectory.open(d); Lock held = old.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
          abandoned = true;
        } catch (IOException e) {
          abandoned = false; // a live writer's
        }
        if (abandoned) {
          Directories.deleteTree(d);
        }
      }
    } catch (IOException e) {
      // another writer removed it first, or the folder is not ours to clean: left as it is
    }
  }
}
