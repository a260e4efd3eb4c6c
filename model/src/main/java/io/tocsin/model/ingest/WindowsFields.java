package io.tocsin.model.ingest;

import java.util.Map;

/**
 * Windows event fields to canonical fields, by event id (Sysmon 1, 3, 5, 11, 22; Security 4624,
 * 4625, 4688, 4689). A value that does not fit its canonical type (a hex process id) stays only
 * under {@code payload.}, so one odd field never rejects the event.
 */
final class WindowsFields {

  private WindowsFields() {}

  static void map(int eventId, Map<String, Object> data, Map<String, Object> out) {
    switch (eventId) {
      case 1 -> {
        type(out, "process", "start");
        process(data, out, "Image", "ProcessId", "User");
        copy(data, "CommandLine", out, "process.command_line");
        copy(data, "ParentImage", out, "process.parent.exe");
        copy(data, "ParentProcessId", out, "process.parent.pid");
        copy(data, "ParentProcessId", out, "process.ppid");
      }
      case 4688 -> {
        type(out, "process", "start");
        process(data, out, "NewProcessName", "NewProcessId", "SubjectUserName");
        copy(data, "CommandLine", out, "process.command_line");
        copy(data, "ParentProcessName", out, "process.parent.exe");
      }
      case 5, 4689 -> {
        type(out, "process", "exit");
        process(data, out, eventId == 5 ? "Image" : "ProcessName", "ProcessId", "User");
      }
      case 3 -> {
        type(out, "network", "connect");
        process(data, out, "Image", "ProcessId", "User");
        copy(data, "SourceIp", out, "network.source.ip");
        copy(data, "SourcePort", out, "network.source.port");
        copy(data, "DestinationIp", out, "network.destination.ip");
        copy(data, "DestinationPort", out, "network.destination.port");
        copy(data, "DestinationHostname", out, "network.destination.domain");
        copy(data, "Protocol", out, "network.protocol");
      }
      case 11 -> {
        type(out, "file", "create");
        process(data, out, "Image", "ProcessId", "User");
        copy(data, "TargetFilename", out, "file.path");
        copy(data, "TargetFilename", out, "file.operation", "create");
      }
      case 22 -> {
        type(out, "network", "dns");
        process(data, out, "Image", "ProcessId", "User");
        copy(data, "QueryName", out, "network.destination.domain");
      }
      case 4624, 4625 -> {
        type(out, "auth", eventId == 4624 ? "logon" : "logon_failed");
        out.put("auth.result", eventId == 4624 ? "success" : "failure");
        copy(data, "TargetUserName", out, "user.name");
        copy(data, "IpAddress", out, "network.source.ip");
      }
      default -> WindowsShape.put(out, "event.type", "system");
    }
  }

  private static void type(Map<String, Object> out, String type, String action) {
    out.put("event.type", type);
    out.put("event.action", action);
  }

  private static void process(
      Map<String, Object> data, Map<String, Object> out, String image, String pid, String user) {
    copy(data, image, out, "process.exe");
    copy(data, pid, out, "process.pid");
    copy(data, user, out, "user.name");
    copy(data, user, out, "process.user");
  }

  private static void copy(
      Map<String, Object> data, String key, Map<String, Object> out, String as) {
    Object value = data.get(key);
    if (value == null || out.containsKey(as)) {
      return;
    }
    try {
      FieldCoercion.coerce(as, value);
      out.put(as, value);
    } catch (InvalidEventException e) {
      // Kept as payload.<key> only: the canonical field's type does not fit this value.
    }
  }

  private static void copy(
      Map<String, Object> data, String key, Map<String, Object> out, String as, String constant) {
    if (data.get(key) != null) {
      WindowsShape.put(out, as, constant);
    }
  }
}
