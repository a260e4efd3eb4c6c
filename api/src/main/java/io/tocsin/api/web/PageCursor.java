package io.tocsin.api.web;

import io.tocsin.api.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque {@code next_cursor} of newest-first lists (events by {@code ts}, alerts by {@code
 * created_at}): the sort key (time, id) of the last item returned. The next page starts strictly
 * after it, so items inserted meanwhile never shift a page (unlike an offset).
 *
 * @param ts time of the last item returned
 * @param id id of the last item returned
 */
public record PageCursor(Instant ts, String id) {

  public String encode() {
    String raw = ts.toEpochMilli() + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent back; 400 when it is not one this API issued. */
  public static PageCursor decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new PageCursor(
          Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar))), raw.substring(bar + 1));
    } catch (RuntimeException e) {
      throw ApiException.badRequest("cursor: not a cursor returned by this API");
    }
  }
}
