package io.tocsin.model.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elastic Common Schema events (Elastic Agent, Auditbeat, Packetbeat, ...): {@code @timestamp},
 * {@code process.executable}, {@code source.ip}, {@code event.category[]}. ECS names Tocsin shares
 * ({@code process.command_line}, {@code user.name}, {@code host.name}, {@code file.path}) pass
 * through; the others are renamed as {@code sigma/mappings/ecs.yml} renames them for Sigma rules,
 * and the rest keep their ECS path under {@code payload.} (as the field catalog does for any
 * unknown field).
 */
final class EcsShape {

  private static final Map<String, String> RENAMES =
      Map.of(
          "process.executable", "process.exe",
          "process.parent.executable", "process.parent.exe",
          "process.args", "process.cmd",
          "source.ip", "network.source.ip",
          "source.port", "network.source.port",
          "destination.ip", "network.destination.ip",
          "destination.port", "network.destination.port",
          "destination.domain", "network.destination.domain",
          "dns.question.name", "network.destination.domain",
          "network.transport", "network.protocol");

  private EcsShape() {}

  static boolean matches(Map<String, ?> raw) {
    return raw.get("ecs") instanceof Map
        || raw.containsKey("@timestamp")
            && raw.get("event") instanceof Map<?, ?> e
            && e.containsKey("category");
  }

  static Map<String, Object> toCanonical(Map<String, ?> raw) throws InvalidEventException {
    Map<String, Object> flat = new LinkedHashMap<>();
    flatten("", raw, flat, 0);
    Map<String, Object> out = new LinkedHashMap<>();
    Object category = flat.remove("event.category");
    Object type = flat.remove("event.type");
    flat.forEach(
        (path, value) -> {
          String renamed = RENAMES.getOrDefault(path, path);
          if (path.equals("@timestamp")) {
            out.put("ts", value);
          } else if (fits(renamed, value)) {
            WindowsShape.put(out, renamed, value);
          } else {
            out.put("payload." + path, value); // e.g. ECS host.ip is a list
          }
        });
    if (category != null) {
      out.put("payload.event.category", category);
    }
    if (type != null) {
      out.put("payload.event.type", type);
    }
    canonicalType(List.copyOf(asList(category)), List.copyOf(asList(type)), out);
    return out;
  }

  private static void canonicalType(List<?> category, List<?> type, Map<String, Object> out) {
    String action = null;
    String canonical = null;
    if (category.contains("process")) {
      canonical = "process";
      action = type.contains("start") ? "start" : type.contains("end") ? "exit" : null;
    } else if (category.contains("network")) {
      canonical = "network";
      action = type.contains("connection") || type.contains("start") ? "connect" : null;
    } else if (category.contains("file")) {
      canonical = "file";
      action = type.contains("creation") ? "create" : type.contains("deletion") ? "delete" : null;
    } else if (category.contains("authentication")) {
      canonical = "auth";
    }
    if (canonical != null) {
      out.put("event.type", canonical);
    }
    if (action != null) {
      out.putIfAbsent("event.action", action);
    }
  }

  private static boolean fits(String path, Object value) {
    try {
      FieldCoercion.coerce(FieldCoercion.canonicalPath(path), value);
      return true;
    } catch (InvalidEventException e) {
      return false;
    }
  }

  private static List<?> asList(Object v) {
    if (v == null) {
      return List.of();
    }
    return v instanceof List<?> l ? l : List.of(v);
  }

  private static void flatten(String prefix, Map<String, ?> in, Map<String, Object> out, int depth)
      throws InvalidEventException {
    if (depth > EventNormalizer.MAX_DEPTH) {
      throw new InvalidEventException(prefix + ": nested deeper than " + EventNormalizer.MAX_DEPTH);
    }
    for (Map.Entry<String, ?> e : in.entrySet()) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue() instanceof Map<?, ?> child) {
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) child;
        flatten(path, typed, out, depth + 1);
      } else if (e.getValue() != null) {
        out.put(path, e.getValue());
      }
    }
  }
}
