package io.tocsin.api.event;

import io.tocsin.model.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Event ids are unique per tenant, but idempotency is per <em>host</em>: an event whose id another
 * host's event already holds is not a duplicate, it is stored under the host-scoped id {@code
 * <id>~<12 hex digits of SHA-256(host_id)>}. The suffix form is reserved: a sender may only use it
 * with the host it names, so no host can pre-claim another host's scoped id either.
 */
final class HostScopedIds {

  private static final Pattern SCOPED = Pattern.compile(".*~[0-9a-f]{12}");
  private static final int SUFFIX = 13;

  private HostScopedIds() {}

  /** {@code id} scoped to {@code hostId} (null is the "no host" scope). */
  static String scoped(String id, String hostId) {
    return id + "~" + hostHash(hostId);
  }

  /**
   * Why the event's own id is refused (an id in the reserved form naming another host), or null
   * when it is fine.
   */
  static String refusal(Event event) {
    String id = event.id();
    if (id == null || !SCOPED.matcher(id).matches()) {
      return null;
    }
    String suffix = id.substring(id.length() - SUFFIX + 1);
    if (suffix.equals(hostHash(event.hostId()))) {
      return null;
    }
    return "id: ids ending in ~ and 12 hex digits are reserved for the host they are scoped to";
  }

  private static String hostHash(String hostId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((hostId == null ? "" : hostId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
