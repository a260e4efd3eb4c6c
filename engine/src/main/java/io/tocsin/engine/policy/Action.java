package io.tocsin.engine.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * What the caller should do with a detection (DESIGN §5). The engine only records the action; the
 * caller executes it after evaluation, outside the Drools session.
 */
public enum Action {
  ALERT,
  BLOCK,
  QUARANTINE,
  ISOLATE_HOST,
  KILL_PROCESS,
  NOTIFY;

  /** The wire name, e.g. {@code isolate_host}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Action> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    for (Action a : values()) {
      if (a.wireName().equalsIgnoreCase(text.trim())) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
