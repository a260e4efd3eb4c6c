package io.tocsin.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of the canonical event (DESIGN §3) and their types. Anything under {@code payload.} is
 * free-form and typed {@link FieldType#ANY}.
 */
public final class FieldCatalog {

  public static final String PAYLOAD_PREFIX = "payload.";

  private static final Map<String, FieldType> FIELDS = build();

  private FieldCatalog() {}

  /** The type of {@code path}, or empty when the path is not a known field. */
  public static Optional<FieldType> typeOf(String path) {
    FieldType type = FIELDS.get(path);
    if (type != null) {
      return Optional.of(type);
    }
    if (path.startsWith(PAYLOAD_PREFIX) && path.length() > PAYLOAD_PREFIX.length()) {
      return Optional.of(FieldType.ANY);
    }
    return Optional.empty();
  }

  /** Every catalogued field in a stable order (for did-you-mean suggestions and docs). */
  public static Map<String, FieldType> fields() {
    return FIELDS;
  }

  private static Map<String, FieldType> build() {
    Map<String, FieldType> f = new LinkedHashMap<>();
    f.put("id", FieldType.STRING);
    f.put("ts", FieldType.TIMESTAMP);
    f.put("tenant_id", FieldType.STRING);
    f.put("host_id", FieldType.STRING);
    f.put("host.name", FieldType.STRING);
    f.put("host.ip", FieldType.IP);
    f.put("host.os.family", FieldType.STRING);
    f.put("host.os.version", FieldType.STRING);
    f.put("user.id", FieldType.STRING);
    f.put("user.name", FieldType.STRING);
    f.put("user.email", FieldType.STRING);
    f.put("user.dept", FieldType.STRING);
    f.put("event.type", FieldType.STRING);
    f.put("event.action", FieldType.STRING);
    f.put("event.id", FieldType.STRING);
    f.put("process.name", FieldType.STRING);
    f.put("process.pid", FieldType.INTEGER);
    f.put("process.ppid", FieldType.INTEGER);
    f.put("process.exe", FieldType.STRING);
    f.put("process.cmd", FieldType.STRING_ARRAY);
    f.put("process.command_line", FieldType.STRING);
    f.put("process.hash", FieldType.STRING);
    f.put("process.user", FieldType.STRING);
    f.put("process.parent.name", FieldType.STRING);
    f.put("process.parent.pid", FieldType.INTEGER);
    f.put("process.parent.exe", FieldType.STRING);
    f.put("file.path", FieldType.STRING);
    f.put("file.name", FieldType.STRING);
    f.put("file.size", FieldType.BYTES);
    f.put("file.operation", FieldType.STRING);
    f.put("file.destination", FieldType.STRING);
    f.put("file.hash", FieldType.STRING);
    f.put("file.bytes", FieldType.BYTES);
    f.put("network.source.ip", FieldType.IP);
    f.put("network.source.port", FieldType.INTEGER);
    f.put("network.destination.ip", FieldType.IP);
    f.put("network.destination.port", FieldType.INTEGER);
    f.put("network.destination.domain", FieldType.STRING);
    f.put("network.protocol", FieldType.STRING);
    f.put("network.bytes", FieldType.BYTES);
    f.put("auth.result", FieldType.STRING);
    f.put("auth.method", FieldType.STRING);
    f.put("labels", FieldType.STRING_ARRAY);
    f.put("risk_hints", FieldType.STRING_ARRAY);
    f.put("agent.ver", FieldType.STRING);
    f.put("agent.mode", FieldType.STRING);
    f.put("severity", FieldType.STRING);
    return Collections.unmodifiableMap(f);
  }
}
