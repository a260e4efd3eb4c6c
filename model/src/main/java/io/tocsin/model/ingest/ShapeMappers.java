package io.tocsin.model.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the non-canonical input shapes onto canonical nested field names. Each mapper only renames;
 * typing and validation happen afterwards, once, in {@link FieldCoercion}.
 */
final class ShapeMappers {

  private ShapeMappers() {}

  static Map<String, Object> toCanonical(InputShape shape, Map<String, ?> raw)
      throws InvalidEventException {
    return switch (shape) {
      case CANONICAL -> new LinkedHashMap<>(raw);
      case INSEC -> insec(raw);
      case OS_PULSE -> osPulse(raw);
      case SECURITY_EVENT -> securityEvent(raw);
      case WINDOWS -> WindowsShape.toCanonical(raw);
      case ECS -> EcsShape.toCanonical(raw);
    };
  }

  /** INSEC: {@code proc.*} becomes {@code process.*}, {@code os} becomes {@code host.os}. */
  private static Map<String, Object> insec(Map<String, ?> raw) {
    Map<String, Object> out = new LinkedHashMap<>(raw);
    Object proc = out.remove("proc");
    if (proc != null) {
      out.put("process", proc);
    }
    Object os = out.remove("os");
    if (os != null) {
      out.put("host.os", os);
    }
    return out;
  }

  /**
   * OS-Pulse: {@code data} fields by operation type, {@code metadata} names the reporting process.
   * On {@code process_creation} the reporting process is the <em>parent</em> and {@code data}
   * describes the created process ({@code commandLine}, {@code processId}); {@code data.timestamp}
   * is the event time when no top-level time is given.
   */
  private static Map<String, Object> osPulse(Map<String, ?> raw) {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean file = "file_operation".equals(raw.get("type"));
    out.put("event.type", file ? "file" : "process");
    copy(raw, "operation", out, "event.action");
    if (file) {
      copy(raw, "operation", out, "file.operation");
    }
    if (!file && !out.containsKey("event.action")) {
      out.put("event.action", "start");
    }
    for (String key : List.of("id", "ts", "timestamp", "host_id", "hostname", "tenant_id")) {
      copy(
          raw,
          key,
          out,
          key.equals("timestamp") ? "ts" : key.equals("hostname") ? "host.name" : key);
    }
    Map<String, ?> data = map(raw.get("data"));
    Map<String, ?> meta = map(raw.get("metadata"));
    String reporter = file ? "process." : "process.parent.";
    copy(meta, "processName", out, reporter + "name");
    copy(meta, "processId", out, reporter + "pid");
    if (!file) {
      copy(meta, "processId", out, "process.ppid");
    }
    copy(meta, "sessionId", out, "payload.session_id");
    copy(meta, "hostname", out, "host.name");
    copy(meta, "hostId", out, "host_id");
    copy(meta, "user", out, "user.name");
    String prefix = file ? "file." : "process.";
    data.forEach(
        (key, value) -> {
          String field = dataField(prefix, key);
          if (!out.containsKey(field) || field.startsWith("payload.")) {
            out.put(field, value);
          }
        });
    if (!file && !out.containsKey("process.name") && out.get("process.command_line") != null) {
      String program = CommandLines.program(out.get("process.command_line").toString());
      if (!program.isEmpty()) {
        out.put("process.name", DerivedFields.basename(program));
        out.putIfAbsent("process.exe", program);
      }
    }
    return out;
  }

  /** Well-known OS-Pulse data keys; anything else stays searchable under {@code payload.}. */
  private static String dataField(String prefix, String key) {
    String k = key.toLowerCase(Locale.ROOT).replace("_", "");
    return switch (k) {
      case "path", "filepath", "filename" -> prefix.equals("file.") ? "file.path" : "process.exe";
      case "size", "filesize" -> "file.size";
      case "destination", "destpath", "target" -> "file.destination";
      case "hash", "sha256" -> prefix + "hash";
      case "bytes" -> "file.bytes";
      case "name", "processname" -> "process.name";
      case "pid", "processid" -> "process.pid";
      case "ppid", "parentpid", "parentprocessid" -> "process.ppid";
      case "commandline", "cmdline" -> "process.command_line";
      case "exe", "executable", "image" -> "process.exe";
      case "user", "username" -> "process.user";
      case "timestamp", "time", "eventtime" -> "ts";
      case "parentname", "parentprocessname" -> "process.parent.name";
      default -> "payload." + key;
    };
  }

  /** Security events: flat network fields; {@code event_type} is the action. */
  private static Map<String, Object> securityEvent(Map<String, ?> raw) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : List.of("id", "ts", "timestamp", "host_id", "tenant_id", "severity")) {
      copy(raw, key, out, key.equals("timestamp") ? "ts" : key);
    }
    copy(raw, "source_ip", out, "network.source.ip");
    copy(raw, "source_port", out, "network.source.port");
    copy(raw, "destination_ip", out, "network.destination.ip");
    copy(raw, "port", out, "network.destination.port");
    copy(raw, "destination_port", out, "network.destination.port");
    copy(raw, "protocol", out, "network.protocol");
    copy(raw, "user", out, "user.name");
    Object type = raw.get("event_type");
    if (type != null) {
      String action = type.toString();
      out.put("event.action", action);
      out.put("event.type", isAuth(action) ? "auth" : "network");
    } else {
      out.put("event.type", "network");
    }
    Object payload = raw.get("payload");
    if (payload instanceof Map<?, ?> p) {
      out.put("payload", p);
    } else if (payload != null) {
      out.put("payload.value", payload);
    }
    return out;
  }

  private static boolean isAuth(String action) {
    String a = action.toLowerCase(Locale.ROOT);
    return a.contains("login")
        || a.contains("auth")
        || a.contains("logon")
        || a.contains("password");
  }

  private static void copy(Map<String, ?> from, String key, Map<String, Object> to, String as) {
    Object value = from.get(key);
    if (value != null && !to.containsKey(as)) {
      to.put(as, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, ?>) m : Map.of();
  }
}
