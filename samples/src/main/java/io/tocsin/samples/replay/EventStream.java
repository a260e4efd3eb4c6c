package io.tocsin.samples.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads a scenario file and rewrites ids and timestamps for a replay. */
final class EventStream {

  private static final List<String> TIME_FIELDS = List.of("ts", "timestamp");

  private final ObjectMapper json;

  EventStream(ObjectMapper json) {
    this.json = json;
  }

  List<ObjectNode> read(Path file) throws IOException {
    List<ObjectNode> events = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file)) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      JsonNode node = json.readTree(line);
      if (!(node instanceof ObjectNode object)) {
        throw new IOException(file + ":" + lineNo + ": expected a JSON object per line");
      }
      events.add(object);
    }
    return events;
  }

  /**
   * Shifts every timestamp by the same amount so the earliest one becomes {@code start}; returns
   * the latest timestamp after the shift ({@code start} when the file has none).
   */
  static Instant rebase(List<ObjectNode> events, Instant start) {
    Instant earliest =
        events.stream()
            .map(EventStream::time)
            .filter(t -> t != null)
            .min(Instant::compareTo)
            .orElse(null);
    if (earliest == null) {
      return start;
    }
    Duration shift = Duration.between(earliest, start);
    Instant latest = start;
    for (ObjectNode event : events) {
      for (String field : TIME_FIELDS) {
        if (event.hasNonNull(field)) {
          Instant moved = Instant.parse(event.get(field).asString()).plus(shift);
          event.put(field, moved.toString());
          latest = moved.isAfter(latest) ? moved : latest;
        }
      }
    }
    return latest;
  }

  /** Appends {@code suffix} to top-level and {@code event.id} ids. */
  static void suffixIds(List<ObjectNode> events, String suffix) {
    for (ObjectNode event : events) {
      if (event.hasNonNull("id")) {
        event.put("id", event.get("id").asString() + suffix);
      }
      if (event.get("event") instanceof ObjectNode inner && inner.hasNonNull("id")) {
        inner.put("id", inner.get("id").asString() + suffix);
      }
    }
  }

  private static Instant time(ObjectNode event) {
    for (String field : TIME_FIELDS) {
      if (event.hasNonNull(field)) {
        return Instant.parse(event.get(field).asString());
      }
    }
    return null;
  }
}
