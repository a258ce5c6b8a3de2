package org.kronika.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.kronika.entity.EntityType;
import org.kronika.entity.KnownEntities;
import org.kronika.internal.Json;
import org.kronika.model.Article;

/**
 * The entities a store's articles named, by name key, as both stores keep them: in memory for
 * the lookups of ingest, each key saved once, under the first name met. Thread-safe: preparing
 * threads read while the writer remembers.
 */
final class EntityMemory implements KnownEntities {
  private final Map<String, Known> byKey = new ConcurrentHashMap<>();

  @Override
  public Optional<Known> find(String nameKey) {
    return Optional.ofNullable(byKey.get(nameKey));
  }

  @Override
  public KnownEntities snapshot() {
    Map<String, Known> now = Map.copyOf(byKey);
    return key -> Optional.ofNullable(now.get(key));
  }

  /**
   * Remembers the entities of {@code mentions} not met before, under each of their keys, and
   * hands each new key with the JSON of its entity to {@code save}.
   */
  void remember(List<Article.EntityMention> mentions, BiConsumer<String, String> save) {
    for (Article.EntityMention e : mentions) {
      for (String key : KnownEntities.keysOf(e.id(), e.type())) {
        if (!byKey.containsKey(key)) {
          Known known = new Known(e.name(), EntityType.valueOf(e.type()));
          byKey.put(key, known);
          save.accept(key, Json.write(known));
        }
      }
    }
  }

  /** Puts back an entity the store saved ({@link #remember}'s key and JSON). */
  void load(String key, String json) {
    byKey.put(key, Json.read(json, Known.class));
  }
}
