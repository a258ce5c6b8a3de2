package org.kronika.store;

/**
 * Every field of the store, named and explained once. {@link LuceneStore} and {@link SolrStore}
 * build their documents and queries from these names, and Solr's {@code schema.xml} declares each
 * field with the type given here ({@code StoreSchemaTest} holds the file to this list). Where the
 * two stores differ, the field says so. Immutable.
 */
enum StoreField {
  /**
   * In the embedded store an article's id (also sorted, to be read without its JSON); in Solr the
   * unique key of every document, its kind's prefix before the article id, group id or entity key.
   */
  ID("id", "string", false),
  /** Solr only: the version its optimistic concurrency compares when two writers change one profile. */
  VERSION("_version_", "plong", false),
  /** The document's kind, one of {@link Kind}. */
  TYPE("type", "string", false),
  /** Solr only: an article's id (the embedded store's {@link #ID}). */
  ARTICLE_ID("aid", "string", false),
  /** Solr only: the order articles were stored in, which listings follow. */
  SEQUENCE("seq", "plong", false),
  /** An article's content hash: exact duplicates. */
  HASH("hash", "terms", false),
  /** An article's language (ISO 639-1). */
  LANG("lang", "string", false),
  /** The id of an article's story. */
  STORY("story", "string", false),
  /** An article's date, as days since 1970-01-01; absent when undated. */
  DAY("day", "pint", false),
  /** An article as the JSON of {@link org.kronika.model.Article}; a known entity as its JSON. */
  JSON("json", "blob", false),
  /**
   * One term per story feature of an article: in Solr the document frequencies are counted from
   * it; the embedded store keeps {@link #COUNTS} documents instead and refuses a store holding it
   * (written by an older version).
   */
  FEATURE("feat", "terms", true),
  /** An article's cross-script name keys, which search matches in any script. */
  NAME("name", "terms", true),
  /** An article's fingerprint bands: near duplicates are looked for among those sharing one. */
  BAND("band", "terms", true),
  /** An article's 64-bit text fingerprint. */
  FINGERPRINT("fingerprint", "plong", false),
  /**
   * An article's title and body analysed with its language's chain: the field {@code text_LANG}
   * ({@link #text}); Solr receives it pre-analysed by the same chain.
   */
  TEXT("text_*", "analysed", true),
  /** A story's or storyline's id. */
  GROUP_ID("sid", "string", false),
  /** A story's or storyline's profile, as the JSON of {@link org.kronika.story.StoryProfile}. */
  PROFILE("profile", "blob", false),
  /** A profile's centroid terms, which candidate lookups match. */
  GROUP_TERM("sterm", "terms", true),
  /** A group's first and last dates, as days since 1970-01-01; absent when undated. */
  FIRST("first", "pint", false),
  /** See {@link #FIRST}. */
  LAST("last", "pint", false),
  /** "1" on a group without a date, which candidate lookups take whatever the article's date. */
  UNDATED("undated", "terms", false),
  /** Solr only: which writer opened the group ({@link org.kronika.story.StoryIndex.Opening}). */
  WRITER("writer", "string", false),
  /** Solr only: when that writer began looking for the group's first article's group (epoch ms). */
  PLACED("placed", "plong", false),
  /** Solr only: when that writer began the commit that wrote the group (epoch ms). */
  SHARED("shared", "plong", false),
  /** Solr only, on a {@link Kind#COMMIT} document: when a commit that opened stories ended (epoch ms). */
  VISIBLE("visible", "plong", false),
  /** Solr only: the last commits that wrote a profile, to tell a writer its writes from those Solr refused. */
  WROTE("wrote", "string", true),
  /** A known entity's name key ({@link org.kronika.entity.KnownEntities}). */
  ENTITY_KEY("ekey", "blob", false),
  /** Embedded only: the feature-term counts one commit added ({@link TermCounts}). */
  COUNTS("counts", null, false);

  /** The kinds of document in the store, the values of {@link #TYPE}. */
  enum Kind {
    ARTICLE("article"),
    STORY("story"),
    STORYLINE("storyline"),
    /** A known entity, under one of its name keys. */
    ENTITY("entity"),
    /** Embedded only: the feature-term counts of one commit. */
    COUNTS("counts"),
    /** Solr only: a commit that opened stories, with when it ended. */
    COMMIT("commit");

    final String value;

    Kind(String value) {
      this.value = value;
    }

    /** The kind of a story's or storyline's profile document. */
    static Kind of(org.kronika.story.StoryProfile.Level level) {
      return level == org.kronika.story.StoryProfile.Level.STORY ? STORY : STORYLINE;
    }
  }

  final String field;
  /** The field type in Solr's {@code schema.xml}; {@code null} for a field only the embedded store has. */
  final String solrType;
  final boolean multiValued;

  StoreField(String name, String solrType, boolean multiValued) {
    this.field = name;
    this.solrType = solrType;
    this.multiValued = multiValued;
  }

  private static final String TEXT_PREFIX = "text_";

  /** The text field of articles in {@code lang}. */
  static String text(String lang) {
    return TEXT_PREFIX + lang;
  }

  /** The language of a text field, or {@code null} when {@code field} is none. */
  static String textLanguage(String field) {
    return field.startsWith(TEXT_PREFIX) ? field.substring(TEXT_PREFIX.length()) : null;
  }
}
