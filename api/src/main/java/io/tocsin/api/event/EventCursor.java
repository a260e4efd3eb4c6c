package io.tocsin.api.event;

import io.tocsin.api.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque {@code next_cursor} of event lists: the sort key ({@code ts}, {@code id}) of the last
 * event returned. The next page starts strictly after it, so events inserted meanwhile never shift
 * a page (unlike an offset).
 *
 * @param ts event time of the last event returned
 * @param id id of the last event returned
 */
record EventCursor(Instant ts, String id) {

  String encode() {
    String raw = ts.toEpochMilli() + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static EventCursor decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new EventCursor(
          Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar))), raw.substring(bar + 1));
    } catch (RuntimeException e) {
      throw ApiException.badRequest("cursor: not a cursor returned by this API");
    }
  }
}
