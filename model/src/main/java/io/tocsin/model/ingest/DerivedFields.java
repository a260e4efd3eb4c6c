package io.tocsin.model.ingest;

import java.util.List;
import java.util.Map;

/** Fields a policy author expects even when the sender only gave their source. */
final class DerivedFields {

  private DerivedFields() {}

  static void fill(Map<String, Object> f) {
    Object cmd = f.get("process.cmd");
    if (!f.containsKey("process.command_line") && cmd instanceof List<?> argv && !argv.isEmpty()) {
      f.put("process.command_line", String.join(" ", argv.stream().map(String::valueOf).toList()));
    }
    if (!f.containsKey("process.cmd") && f.get("process.command_line") instanceof String line) {
      List<String> argv = List.of(line.trim().split("\\s+"));
      if (!line.isBlank()) {
        f.put("process.cmd", argv);
      }
    }
    if (!f.containsKey("process.name")) {
      Object source =
          f.containsKey("process.exe") ? f.get("process.exe") : first(f.get("process.cmd"));
      if (source != null) {
        f.put("process.name", basename(source.toString()));
      }
    }
    if (!f.containsKey("file.name") && f.get("file.path") instanceof String path) {
      f.put("file.name", basename(path));
    }
  }

  private static Object first(Object value) {
    return value instanceof List<?> list && !list.isEmpty() ? list.get(0) : null;
  }

  static String basename(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
