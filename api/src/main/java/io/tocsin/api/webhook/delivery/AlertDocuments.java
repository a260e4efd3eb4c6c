package io.tocsin.api.webhook.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Rebuilds an alert's API view from its stored document, for the sweeper (which finds alerts in the
 * store, not through the alert listener): camelCase keys become snake_case, {@code _id} becomes
 * {@code id}, {@code eventIds} becomes {@code events}; store-only fields are dropped; user-keyed
 * maps ({@code group_key}, {@code parameters}, {@code details}) are copied as they are.
 */
final class AlertDocuments {

  private static final Set<String> DROPPED =
      Set.of("_class", "tenantId", "events", "expiresAt", "assigneeEmail");
  private static final Set<String> VERBATIM = Set.of("group_key", "parameters", "details");

  private AlertDocuments() {}

  static Map<String, Object> view(Document doc) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", doc.get("_id"));
    for (Map.Entry<String, Object> e : doc.entrySet()) {
      String key = e.getKey();
      if (key.equals("_id") || DROPPED.contains(key)) {
        continue;
      }
      String name = key.equals("eventIds") ? "events" : snake(key);
      view.put(
          name, VERBATIM.contains(name) ? plain(e.getValue(), true) : plain(e.getValue(), false));
    }
    view.put("assignee", doc.get("assigneeEmail"));
    return view;
  }

  /** The change type the sweeper reports for an alert's current version. */
  static String event(Document doc) {
    Number version = doc.get("version", Number.class);
    if (version != null && version.longValue() == 1) {
      return "alert.created";
    }
    Object closedAt = doc.get("closedAt");
    if ("closed".equals(doc.get("status"))
        && closedAt != null
        && closedAt.equals(doc.get("updatedAt"))) {
      return "alert.closed";
    }
    return "alert.updated";
  }

  private static Object plain(Object value, boolean verbatim) {
    if (value instanceof Date date) {
      return Instant.ofEpochMilli(date.getTime());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            String name = verbatim ? k.toString() : snake(k.toString());
            if (!name.equals("_class")) {
              out.put(name, plain(v, verbatim || VERBATIM.contains(name)));
            }
          });
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v, verbatim)));
      return out;
    }
    return value;
  }

  static String snake(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
