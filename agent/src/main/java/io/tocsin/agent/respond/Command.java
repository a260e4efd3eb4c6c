package io.tocsin.agent.respond;

import java.util.Map;

/** One queued command as the server sends it. */
public record Command(String id, String type, Map<String, Object> parameters, String status) {

  public Command {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** A parameter as text, or null. */
  public String text(String name) {
    Object v = parameters.get(name);
    return v == null ? null : v.toString();
  }
}
