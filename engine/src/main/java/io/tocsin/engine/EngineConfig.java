package io.tocsin.engine;

/**
 * Bounds and knobs of one engine.
 *
 * @param maxGroupsPerRule correlation groups (threshold groups, sequences in progress, absence
 *     timers) a rule may hold; beyond it the least recently used group is evicted and counted
 * @param maxSuppressionKeysPerRule open suppression windows a rule may hold, same policy
 * @param maxEventsPerDetection triggering events kept on a detection
 */
public record EngineConfig(
    int maxGroupsPerRule, int maxSuppressionKeysPerRule, int maxEventsPerDetection) {

  public EngineConfig {
    if (maxGroupsPerRule < 1 || maxSuppressionKeysPerRule < 1 || maxEventsPerDetection < 1) {
      throw new IllegalArgumentException("bounds must be positive");
    }
  }

  public static EngineConfig defaults() {
    return new EngineConfig(10_000, 10_000, 10);
  }
}
