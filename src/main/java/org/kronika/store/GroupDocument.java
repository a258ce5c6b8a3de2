package org.kronika.store;

import java.util.ArrayList;
import java.util.List;
import org.kronika.internal.Json;
import org.kronika.store.StoreField.Kind;
import org.kronika.story.StoryProfile;

/**
 * What both stores index and keep of a story's or storyline's profile, each rendering it into
 * its own document: the kind ({@link StoreField#TYPE}), the id ({@link StoreField#GROUP_ID}), the
 * profile's JSON ({@link StoreField#PROFILE}), its centroid terms ({@link StoreField#GROUP_TERM})
 * and its first and last days, both {@code null} when it has no date ({@link StoreField#UNDATED}).
 */
record GroupDocument(Kind kind, String id, String json, List<String> terms, Integer firstDay, Integer lastDay) {

  static GroupDocument of(StoryProfile profile) {
    List<String> terms = new ArrayList<>();
    profile.centroids().forEach((kind, centroid) -> centroid.weights().keySet().forEach(k -> terms.add(kind.term(k))));
    boolean dated = profile.first() != null;
    return new GroupDocument(Kind.of(profile.level()), profile.id(), Json.write(profile), terms,
        dated ? (int) profile.first().toEpochDay() : null, dated ? (int) profile.last().toEpochDay() : null);
  }

  boolean undated() {
    return firstDay == null;
  }
}
