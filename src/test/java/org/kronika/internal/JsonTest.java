package org.kronika.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The project's mapper reads back whatever it wrote. */
class JsonTest {
  @Test
  void readsAStringLongerThanJacksonsDefaultCap() {
    String body = "a".repeat(21_000_000); // Jackson's default refuses strings over 20 M characters
    Map<?, ?> read = Json.read(Json.write(Map.of("body", body)), Map.class);
    assertEquals(body.length(), ((String) read.get("body")).length());
  }
}
