package io.tocsin.model.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Windows event logs in three spellings: Winlogbeat ({@code winlog.event_data.*}), the XML-as-JSON
 * form ({@code System{}}, {@code EventData{}}) and flat Sysmon/NXLog JSON ({@code EventID, Image,
 * CommandLine, ...}). Every event-data field is kept as {@code payload.<Field>} under its Windows
 * name (so Sigma rules find {@code payload.IntegrityLevel}, {@code payload.EventID}), and the
 * well-known ones are also copied to canonical fields by event id, matching the Sigma mapping files
 * ({@code sigma/mappings/windows-*.yml}).
 */
final class WindowsShape {

  private WindowsShape() {}

  static boolean matches(Map<String, ?> raw) {
    return raw.get("winlog") instanceof Map
        || raw.get("System") instanceof Map && raw.get("EventData") instanceof Map
        || raw.containsKey("EventID") && (raw.containsKey("Channel") || raw.containsKey("Image"));
  }

  static Map<String, Object> toCanonical(Map<String, ?> raw) {
    Map<String, Object> data = new LinkedHashMap<>();
    Map<String, Object> out = new LinkedHashMap<>();
    if (raw.get("winlog") instanceof Map<?, ?> winlog) {
      putAll(data, winlog.get("event_data"));
      put(data, "EventID", winlog.get("event_id"));
      put(data, "Channel", winlog.get("channel"));
      put(data, "Computer", winlog.get("computer_name"));
      put(data, "Provider_Name", winlog.get("provider_name"));
      put(out, "ts", raw.get("@timestamp"));
      if (raw.get("host") instanceof Map<?, ?> host) {
        put(out, "host.name", host.get("name"));
      }
    } else if (raw.get("System") instanceof Map<?, ?> system) {
      putAll(data, raw.get("EventData"));
      put(data, "EventID", system.get("EventID"));
      put(data, "Channel", system.get("Channel"));
      put(data, "Computer", system.get("Computer"));
      if (system.get("TimeCreated") instanceof Map<?, ?> created) {
        put(out, "ts", created.get("SystemTime"));
      }
    } else {
      raw.forEach(
          (k, v) -> {
            if (!k.equals("ts")
                && !k.equals("id")
                && !k.equals("tenant_id")
                && !k.equals("host_id")) {
              data.put(k, v);
            }
          });
    }
    for (String key : new String[] {"id", "ts", "tenant_id", "host_id"}) {
      if (raw.get(key) != null) {
        out.put(key, raw.get(key));
      }
    }
    data.forEach((k, v) -> out.put("payload." + k, v));
    put(out, "host.name", data.get("Computer"));
    WindowsFields.map(eventId(data.get("EventID")), data, out);
    return out;
  }

  private static int eventId(Object id) {
    if (id instanceof Number n) {
      return n.intValue();
    }
    try {
      return id == null ? -1 : Integer.parseInt(id.toString().trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void putAll(Map<String, Object> to, Object from) {
    if (from instanceof Map<?, ?> m) {
      m.forEach((k, v) -> put(to, String.valueOf(k), v));
    }
  }

  static void put(Map<String, Object> to, String key, Object value) {
    if (value != null && !to.containsKey(key)) {
      to.put(key, value);
    }
  }
}
