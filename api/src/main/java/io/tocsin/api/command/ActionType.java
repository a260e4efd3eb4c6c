package io.tocsin.api.command;

import java.util.Locale;
import java.util.Optional;

/** Response actions an agent can be asked to run; the wire name is the command {@code type}. */
public enum ActionType {
  ISOLATE_HOST,
  RELEASE_HOST,
  KILL_PROCESS,
  QUARANTINE,
  RESTORE,
  BLOCK;

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
