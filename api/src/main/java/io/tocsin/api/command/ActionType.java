package io.tocsin.api.command;

import java.util.Locale;
import java.util.Optional;

/** Commands an agent can be asked to run; the wire name is the command {@code type}. */
public enum ActionType {
  ISOLATE_HOST,
  RELEASE_HOST,
  KILL_PROCESS,
  QUARANTINE,
  RESTORE,
  BLOCK,
  /** A read-only host scan ({@code POST /security/scan}), not a response to an alert. */
  SECURITY_SCAN;

  /** Whether analysts may request it on an alert ({@code POST /alerts/{id}/actions}). */
  public boolean isResponseAction() {
    return this != SECURITY_SCAN;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ActionType> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (ActionType t : values()) {
      if (t.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
