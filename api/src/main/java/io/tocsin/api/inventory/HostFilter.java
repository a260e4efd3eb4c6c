package io.tocsin.api.inventory;

import com.mongodb.client.model.Filters;
import io.tocsin.api.error.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/**
 * Host filters shared by the host, snapshot, metrics and process endpoints. {@code platform} and
 * {@code hostname} match case-insensitively as substrings (so {@code platform=linux} finds the
 * agent's {@code Debian GNU/Linux}); {@code active} compares {@code last_seen} with the cut-off.
 *
 * @param hostId exact host id
 * @param hostname substring of the host name
 * @param platform substring of the platform
 * @param active whether the host was seen within the inactivity window
 */
record HostFilter(String hostId, String hostname, String platform, Boolean active) {

  static final HostFilter ALL = new HostFilter(null, null, null, null);

  static HostFilter of(String hostId, String hostname) {
    return new HostFilter(blankToNull(hostId), blankToNull(hostname), null, null);
  }

  Bson toBson(String tenantId, Instant activeCutoff) {
    List<Bson> parts = new ArrayList<>();
    parts.add(Filters.eq(InventoryStore.TENANT, tenantId));
    if (hostId != null) {
      parts.add(Filters.eq(InventoryStore.HOST_ID, hostId));
    }
    if (hostname != null) {
      parts.add(contains("hostname", hostname));
    }
    if (platform != null) {
      parts.add(contains("platform", platform));
    }
    if (active != null) {
      Date cutoff = Date.from(activeCutoff);
      parts.add(
          active
              ? Filters.gt(InventoryStore.LAST_SEEN, cutoff)
              : Filters.lte(InventoryStore.LAST_SEEN, cutoff));
    }
    return Filters.and(parts);
  }

  static Bson contains(String field, String text) {
    return Filters.regex(field, Pattern.quote(text), "i");
  }

  /** Parses {@code true/false/1/0/yes/no}; null when absent; 400 otherwise. */
  static Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw ApiException.badRequest("[" + name + "] must be true or false");
    };
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
