package io.tocsin.model.ingest;

import java.util.Map;
import java.util.Set;

/** The input shapes {@code POST /events} accepts (DESIGN §3), recognised by their keys. */
public enum InputShape {
  /** Already canonical: nested objects and/or dotted keys named as in the field catalog. */
  CANONICAL,
  /** {@code proc{}} and {@code os{}} instead of {@code process{}} and {@code host.os{}}. */
  INSEC,
  /** {@code type: file_operation|process_creation, operation, data{}, metadata{}}. */
  OS_PULSE,
  /** {@code source_ip, destination_ip, port, protocol, event_type, severity, payload}. */
  SECURITY_EVENT,
  /** Windows event logs: Winlogbeat, Sysmon/NXLog JSON, XML-as-JSON ({@link WindowsShape}). */
  WINDOWS,
  /** Elastic Common Schema ({@link EcsShape}). */
  ECS;

  private static final Set<String> OS_PULSE_TYPES = Set.of("file_operation", "process_creation");

  /** Which shape {@code raw} is in; canonical when nothing more specific matches. */
  public static InputShape detect(Map<String, ?> raw) {
    if (WindowsShape.matches(raw)) {
      return WINDOWS;
    }
    if (EcsShape.matches(raw)) {
      return ECS;
    }
    Object type = raw.get("type");
    if (type instanceof String t
        && OS_PULSE_TYPES.contains(t)
        && (raw.containsKey("data") || raw.containsKey("metadata"))) {
      return OS_PULSE;
    }
    if (raw.get("proc") instanceof Map || raw.get("os") instanceof Map) {
      return INSEC;
    }
    if (raw.containsKey("event_type") || raw.containsKey("source_ip")) {
      return SECURITY_EVENT;
    }
    return CANONICAL;
  }
}
