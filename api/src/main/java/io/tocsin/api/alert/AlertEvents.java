package io.tocsin.api.alert;

import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bounded copy of triggering events kept inside an alert, so its detail still shows them after
 * event retention removed the originals.
 */
final class AlertEvents {

  /** Full event copies kept per alert; the first (the trigger) is always kept. */
  static final int MAX_COPIES = 50;

  /** Event ids kept per alert. */
  static final int MAX_IDS = 1000;

  /** Events larger than this (as text) are embedded as a stub: documents must stay small. */
  static final int MAX_COPY_CHARS = 32_768;

  private AlertEvents() {}

  /** Adds events not yet on the alert; true if anything was added. */
  static boolean merge(Alert alert, List<Event> events) {
    Set<String> known = new LinkedHashSet<>(alert.eventIds);
    boolean changed = false;
    for (Event event : events) {
      String id = event.id();
      if (id == null || !known.add(id)) {
        continue;
      }
      changed = true;
      alert.eventIds.add(id);
      if (alert.eventIds.size() > MAX_IDS) {
        alert.eventIds.remove(1);
      }
      alert.events.add(copyOf(event));
      if (alert.events.size() > MAX_COPIES) {
        alert.events.remove(1);
      }
      addUser(alert, event);
    }
    return changed;
  }

  /** The event, or a stub of its identifying fields if it is too large to embed. */
  private static Map<String, Object> copyOf(Event event) {
    Map<String, Object> nested = event.toNested();
    if (nested.toString().length() <= MAX_COPY_CHARS) {
      return nested;
    }
    Map<String, Object> stub = new LinkedHashMap<>();
    for (String field : List.of("id", "ts", "tenant_id", "host_id", "event.type", "event.action")) {
      if (event.get(field) != null) {
        stub.put(field, event.get(field));
      }
    }
    stub.put("truncated", true);
    return Event.of(stub).toNested();
  }

  private static void addUser(Alert alert, Event event) {
    Object user = event.get("user.id");
    if (user == null) {
      user = event.get("user.name");
    }
    if (user != null && !alert.userIds.contains(user.toString()) && alert.userIds.size() < 100) {
      alert.userIds.add(user.toString());
    }
  }

  /** The host of a detection: its group key's {@code host_id}, else the first event's. */
  static String hostOf(Map<String, Object> groupKey, List<Event> events) {
    if (groupKey != null && groupKey.get("host_id") != null) {
      return groupKey.get("host_id").toString();
    }
    for (Event event : events) {
      if (event.hostId() != null) {
        return event.hostId();
      }
    }
    return null;
  }

  /** The value of {@code path} in the most recent stored event that has it, or null. */
  static Object latest(Alert alert, String path) {
    List<Map<String, Object>> copies = new ArrayList<>(alert.events);
    for (int i = copies.size() - 1; i >= 0; i--) {
      Object value = Event.fromNested(copies.get(i)).get(path);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
