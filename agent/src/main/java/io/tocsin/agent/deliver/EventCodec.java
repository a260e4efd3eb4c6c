package io.tocsin.agent.deliver;

import io.tocsin.model.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;

/** Encodes a batch as the wire body: a gzipped JSON array of nested canonical events. */
public final class EventCodec {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private EventCodec() {}

  /** The nested form of one event with {@code ts} as an ISO-8601 UTC string. */
  public static Map<String, Object> toWire(Event event) {
    Map<String, Object> nested = event.toNested();
    if (nested.get("ts") instanceof Instant ts) {
      nested.put("ts", ts.toString());
    }
    return nested;
  }

  public static byte[] json(List<Event> batch) {
    List<Map<String, Object>> wire = new ArrayList<>(batch.size());
    batch.forEach(e -> wire.add(toWire(e)));
    return JSON.writeValueAsBytes(wire);
  }

  public static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
