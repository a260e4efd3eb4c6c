package io.tocsin.api.detection;

import java.time.Instant;
import java.util.List;

/**
 * What the last reload of a tenant's engine did.
 *
 * @param status {@code applied}, {@code cleared} (no policies), {@code rejected} (the stored set
 *     did not validate or compile; the previous generation stays in use) or {@code not_loaded} (no
 *     engine yet: it is built from the stored set at first use)
 * @param generation the generation in use afterwards
 * @param policies enabled policies in use afterwards
 * @param errors why a reload was rejected
 * @param at when it finished
 */
public record ReloadOutcome(
    String status, long generation, int policies, List<String> errors, Instant at) {

  public ReloadOutcome {
    errors = List.copyOf(errors);
  }

  public static ReloadOutcome notLoaded(Instant at) {
    return new ReloadOutcome("not_loaded", 0, 0, List.of(), at);
  }

  public boolean rejected() {
    return "rejected".equals(status);
  }
}
