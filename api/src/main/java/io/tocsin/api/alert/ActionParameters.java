package io.tocsin.api.alert;

import io.tocsin.api.command.ActionType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Derives an agent command's parameters from an alert's triggering events, in the names the agent
 * reads ({@code io.tocsin.agent.respond}): {@code pid} and {@code name} for {@code kill_process},
 * {@code path} for {@code quarantine}, {@code ip}/{@code domain} for {@code block}.
 */
final class ActionParameters {

  private ActionParameters() {}

  /** Derived values first, then {@code given} on top (explicit parameters win). */
  static Map<String, Object> of(ActionType type, Alert alert, Map<String, Object> given) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("host_id", alert.hostId);
    p.put("alert_id", alert.id);
    if (alert.policyId != null) {
      p.put("policy_id", alert.policyId);
      p.put("rule_id", alert.ruleId);
    }
    switch (type) {
      case KILL_PROCESS -> {
        putIfPresent(p, "pid", AlertEvents.latest(alert, "process.pid"));
        putIfPresent(p, "name", AlertEvents.latest(alert, "process.name"));
      }
      case QUARANTINE -> putIfPresent(p, "path", AlertEvents.latest(alert, "file.path"));
      case BLOCK -> {
        putIfPresent(p, "ip", AlertEvents.latest(alert, "network.destination.ip"));
        putIfPresent(p, "domain", AlertEvents.latest(alert, "network.destination.domain"));
        putIfPresent(p, "hash", AlertEvents.latest(alert, "process.hash"));
      }
      default -> {}
    }
    if (given != null) {
      p.putAll(given);
    }
    p.put("host_id", alert.hostId);
    return p;
  }

  /** What is missing for the agent to run the action, or null when it can run. */
  static String missing(ActionType type, Map<String, Object> p) {
    return switch (type) {
      case KILL_PROCESS -> p.get("pid") == null ? "parameters.pid" : null;
      case QUARANTINE ->
          p.get("path") == null && p.get("file_path") == null ? "parameters.path" : null;
      case RESTORE -> p.get("quarantine_id") == null ? "parameters.quarantine_id" : null;
      default -> null;
    };
  }

  private static void putIfPresent(Map<String, Object> p, String key, Object value) {
    if (value != null) {
      p.put(key, value);
    }
  }
}
