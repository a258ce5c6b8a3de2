package org.kronika.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The one JSON mapper of the project: records as objects, dates as ISO {@code YYYY-MM-DD}
 * strings, unknown fields ignored so that older stores stay readable. Thread-safe.
 */
public final class Json {
  /** Dates as ISO {@code YYYY-MM-DD} strings, for any Jackson mapper (the CSV export's too). */
  public static final com.fasterxml.jackson.databind.Module DATES = new SimpleModule("dates")
      .addSerializer(LocalDate.class, new JsonSerializer<>() {
        @Override
        public void serialize(LocalDate d, JsonGenerator g, SerializerProvider p) throws IOException {
          g.writeString(d.toString());
        }
      })
      .addDeserializer(LocalDate.class, new JsonDeserializer<>() {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext c) throws IOException {
          String s = p.getValueAsString();
          return s == null || s.isEmpty() ? null : LocalDate.parse(s);
        }
      });

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .registerModule(DATES);

  private Json() {}

  /** One-line JSON of a value. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A string field at the top of a JSON object, read without building the rest: fields after
   * it are not read, values before it are skipped. Empty when there is no such string.
   */
  public static Optional<String> stringField(String json, String name) {
    try (JsonParser p = MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = name.equals(p.currentName());
        JsonToken value = p.nextToken();
        if (wanted) {
          return value == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
        }
        p.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads JSON written by {@link #write}. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static {
    // Jackson refuses strings over 20 M characters by default. What this mapper reads is what
    // Kronika wrote (stores, logs): no stored article, whatever a store written before the body
    // limit holds, may make every reader fail.
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
  }
}
