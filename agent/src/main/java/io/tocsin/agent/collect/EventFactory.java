package io.tocsin.agent.collect;

import io.tocsin.model.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds canonical events with host and agent fields and a stable id: a name-based UUID of host,
 * kind and the identity of what was observed, so a resend (or a re-observation) carries the same id
 * and the server can deduplicate it.
 */
public final class EventFactory {

  public static final String AGENT_VERSION = "0.1.0";

  private final HostIdentity host;
  private final String mode;

  public EventFactory(HostIdentity host, boolean responseEnabled) {
    this.host = host;
    this.mode = responseEnabled ? "respond" : "monitor";
  }

  public HostIdentity host() {
    return host;
  }

  /** The stable id of an observation {@code kind} identified by {@code parts}. */
  public String stableId(String kind, Object... parts) {
    StringBuilder sb = new StringBuilder(host.hostId()).append('|').append(kind);
    for (Object part : parts) {
      sb.append('|').append(part);
    }
    return UUID.nameUUIDFromBytes(sb.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** An event with common fields set; {@code fields} are flat dotted paths. */
  public Event event(
      String id, Instant ts, String type, String action, Map<String, Object> fields) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", id);
    f.put("ts", ts);
    f.put("host_id", host.hostId());
    f.put("host.name", host.hostname());
    f.put("host.ip", host.primaryIp());
    f.put("host.os.family", host.osFamily());
    f.put("host.os.version", host.osVersion());
    f.put("event.type", type);
    f.put("event.action", action);
    f.put("event.id", id);
    f.putAll(fields);
    f.put("agent.ver", AGENT_VERSION);
    f.put("agent.mode", mode);
    return Event.of(f);
  }
}
