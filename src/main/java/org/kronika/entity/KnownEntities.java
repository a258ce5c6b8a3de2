package org.kronika.entity;

import java.util.Optional;

/**
 * Entities Kronika already knows, looked up by a name key (the {@link EntityIds#key} of a
 * lemmatised name). The linker asks it before deriving an identity from the name alone, so
 * that a surname or an acronym met without its full name still joins the right entity. An
 * implementation must be thread-safe; a persistent store of entities can plug in here.
 */
public interface KnownEntities {
  /** Nothing known: every identity is derived from the name. */
  KnownEntities NONE = key -> Optional.empty();

  /** The entity a name key stands for, if one is known. */
  Optional<Known> find(String nameKey);

  /**
   * The entities known now, unchanged by what is learned later: what articles are prepared
   * with, so that an article's entities do not depend on how many articles before it a store
   * had taken in when a thread took it up. Those that never change return themselves.
   */
  default KnownEntities snapshot() {
    return this;
  }

  /** These entities first, then {@code others} for keys these do not know. */
  default KnownEntities orElse(KnownEntities others) {
    return key -> find(key).or(() -> others.find(key));
  }

  /**
   * The keys under which a store should remember an entity met in an article: its id (the key
   * of its full name) and, for a person, the key of the surname alone when it says enough. None
   * for an entity of no known type: remembered, an early guess would type the name for good.
   */
  static java.util.List<String> keysOf(String id, String type) {
    if (EntityType.MISC.name().equals(type)) {
      return java.util.List.of();
    }
    int last = id.lastIndexOf('-');
    String surname = last < 0 ? null : id.substring(last + 1);
    return EntityType.PER.name().equals(type) && surname != null && EntityIds.distinctive(surname)
        ? java.util.List.of(id, surname) : java.util.List.of(id);
  }

  /** A known entity: its display name and type; its id is the key of that name. */
  record Known(String name, EntityType type) implements java.io.Serializable {}
}
