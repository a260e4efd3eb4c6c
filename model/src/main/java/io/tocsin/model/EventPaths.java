package io.tocsin.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Conversions between nested maps and flat dotted paths. */
final class EventPaths {

  private EventPaths() {}

  static void flatten(String prefix, Map<String, ?> nested, Map<String, Object> out) {
    nested.forEach(
        (key, value) -> {
          String path = prefix.isEmpty() ? key : prefix + "." + key;
          if (value instanceof Map<?, ?> child) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) child;
            flatten(path, typed, out);
          } else if (value != null) {
            out.put(path, value);
          }
        });
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> nest(Map<String, Object> flat) {
    Map<String, Object> root = new LinkedHashMap<>();
    flat.forEach(
        (path, value) -> {
          String[] parts = path.split("\\.");
          Map<String, Object> node = root;
          for (int i = 0; i < parts.length - 1; i++) {
            Object child = node.get(parts[i]);
            if (!(child instanceof Map)) {
              child = new LinkedHashMap<String, Object>();
              node.put(parts[i], child);
            }
            node = (Map<String, Object>) child;
          }
          node.put(parts[parts.length - 1], value);
        });
    return root;
  }
}
