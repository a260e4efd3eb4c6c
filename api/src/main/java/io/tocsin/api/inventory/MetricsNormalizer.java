package io.tocsin.api.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens system metrics to the seed's names whichever shape they came in: the agent's nested one
 * ({@code cpu.percent}, {@code memory.total}, {@code disk.usage[]}, {@code network.io}) or the
 * seed's flat one ({@code memory_total}, {@code disk_usage{mount: ...}}, {@code network_io}). The
 * result is stored for queries and views; mount points become values, never keys, so a mount point
 * with a dot cannot collide with MongoDB's key rules. Wrongly typed metrics are skipped, not
 * refused: they are informational and must not cost the agent its snapshot.
 */
final class MetricsNormalizer {

  private static final String[] MEMORY = {"total", "available", "used", "free", "percent"};
  private static final String[] DISK_FIELDS = {"total", "used", "free", "percent"};

  private MetricsNormalizer() {}

  static Map<String, Object> normalize(Map<?, ?> raw) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<?, ?> cpu = map(raw.get("cpu"));
    put(out, "cpu_count", first(raw.get("cpu_count"), cpu.get("count")));
    put(out, "cpu_percent", first(raw.get("cpu_percent"), cpu.get("percent")));
    for (String f : new String[] {"cpu_freq_current", "cpu_freq_min", "cpu_freq_max"}) {
      put(out, f, raw.get(f));
    }
    Object load = first(raw.get("load_average"), cpu.get("load_average"));
    if (load instanceof List<?> values) {
      out.put("load_average", values.stream().filter(Number.class::isInstance).toList());
    }
    Map<?, ?> memory = map(raw.get("memory"));
    for (String f : MEMORY) {
      put(out, "memory_" + f, first(raw.get("memory_" + f), memory.get(f)));
    }
    Map<?, ?> disk = map(raw.get("disk"));
    List<Map<String, Object>> usage = diskUsage(raw.get("disk_usage"), disk.get("usage"));
    if (!usage.isEmpty()) {
      out.put("disk_usage", usage);
    }
    putNumbers(out, "disk_io", first(raw.get("disk_io"), disk.get("io")));
    putNumbers(out, "network_io", first(raw.get("network_io"), map(raw.get("network")).get("io")));
    return out;
  }

  private static List<Map<String, Object>> diskUsage(Object seed, Object agent) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (seed instanceof Map<?, ?> byMount) {
      byMount.forEach(
          (mount, value) -> {
            if (value instanceof Map<?, ?> u) {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("mountpoint", String.valueOf(mount));
              copyNumbers(u, row);
              out.add(row);
            }
          });
    } else if (agent instanceof List<?> rows) {
      for (Object value : rows) {
        if (value instanceof Map<?, ?> u && u.get("mountpoint") instanceof String mount) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("mountpoint", mount);
          for (String f : new String[] {"device", "fstype"}) {
            if (u.get(f) instanceof String s) {
              row.put(f, s);
            }
          }
          copyNumbers(u, row);
          out.add(row);
        }
      }
    }
    return out.size() > 256 ? out.subList(0, 256) : out;
  }

  private static void copyNumbers(Map<?, ?> from, Map<String, Object> to) {
    for (String f : DISK_FIELDS) {
      put(to, f, from.get(f));
    }
  }

  private static void putNumbers(Map<String, Object> out, String key, Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> numbers = new LinkedHashMap<>();
      m.forEach(
          (k, v) -> {
            if (k instanceof String name && isSafeKey(name) && v instanceof Number) {
              numbers.put(name, v);
            }
          });
      if (!numbers.isEmpty()) {
        out.put(key, numbers);
      }
    }
  }

  private static boolean isSafeKey(String key) {
    return !key.isEmpty() && key.length() <= 64 && !key.contains(".") && !key.startsWith("$");
  }

  private static void put(Map<String, Object> out, String key, Object value) {
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      out.put(key, n);
    }
  }

  private static Object first(Object a, Object b) {
    return a != null ? a : b;
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }
}
