package io.tocsin.agent.respond;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome reported back to the server.
 *
 * @param status {@code succeeded}, {@code failed} or {@code dry_run}
 */
public record CommandResult(String status, String message, Map<String, Object> details) {

  public CommandResult {
    details = details == null ? Map.of() : new LinkedHashMap<>(details);
  }

  public static CommandResult succeeded(String message, Map<String, Object> details) {
    return new CommandResult("succeeded", message, details);
  }

  public static CommandResult failed(String message, Map<String, Object> details) {
    return new CommandResult("failed", message, details);
  }

  public static CommandResult dryRun(String message, Map<String, Object> details) {
    return new CommandResult("dry_run", message, details);
  }

  /** The JSON body of {@code POST .../commands/{id}/result}. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("message", message);
    m.put("details", details);
    return m;
  }
}
