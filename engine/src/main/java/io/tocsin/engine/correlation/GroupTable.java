package io.tocsin.engine.correlation;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A bounded map from group key to state: at most {@code maxGroups} entries; inserting beyond that
 * evicts the least recently used group and counts it. Not thread-safe (the engine serializes).
 */
final class GroupTable<V> {

  private final LinkedHashMap<GroupKey, V> map;
  private final int maxGroups;
  private final CorrelationMetrics metrics;

  GroupTable(int maxGroups, CorrelationMetrics metrics) {
    this.maxGroups = maxGroups;
    this.metrics = metrics;
    this.map = new LinkedHashMap<>(16, 0.75f, true);
  }

  V get(GroupKey key) {
    return map.get(key);
  }

  void put(GroupKey key, V value) {
    map.put(key, value);
    if (map.size() > maxGroups) {
      Iterator<Map.Entry<GroupKey, V>> it = map.entrySet().iterator();
      it.next();
      it.remove();
      metrics.evictions.incrementAndGet();
    }
  }

  void remove(GroupKey key) {
    map.remove(key);
  }

  /** Removes every entry the predicate selects, counted as expirations. */
  void expireIf(Predicate<V> expired) {
    Iterator<Map.Entry<GroupKey, V>> it = map.entrySet().iterator();
    while (it.hasNext()) {
      if (expired.test(it.next().getValue())) {
        it.remove();
        metrics.expirations.incrementAndGet();
      }
    }
  }

  Iterable<Map.Entry<GroupKey, V>> entries() {
    return map.entrySet();
  }

  int size() {
    return map.size();
  }
}
