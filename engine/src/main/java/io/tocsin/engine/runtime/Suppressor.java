package io.tocsin.engine.runtime;

import io.tocsin.engine.Detection;
import io.tocsin.engine.correlation.GroupKey;
import io.tocsin.engine.policy.Suppression;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code suppress}: per rule and group key, the first detection opens a window of {@code for}
 * (event time); detections inside it are counted into the open one instead of being emitted. At the
 * end of each evaluation, every window that counted something emits one {@link
 * Detection.Kind#UPDATE} with the new total, which the caller applies to the stored alert. Windows
 * are kept by rule key (policy/rule id), so editing a rule does not reopen its windows. Not
 * thread-safe.
 */
final class Suppressor {

  private final Map<String, LinkedHashMap<GroupKey, Window>> byRule = new HashMap<>();
  private final List<Window> dirty = new ArrayList<>();
  private final int maxKeys;
  private final int maxEvents;
  final AtomicLong suppressed = new AtomicLong();
  final AtomicLong evictions = new AtomicLong();

  Suppressor(int maxKeys, int maxEvents) {
    this.maxKeys = maxKeys;
    this.maxEvents = maxEvents;
  }

  /** The detection to emit now, or null when it was counted into an open window. */
  Detection offer(String ruleKey, Suppression suppression, Detection candidate, Event last) {
    GroupKey key = GroupKey.of(suppression.groupBy(), last);
    LinkedHashMap<GroupKey, Window> windows =
        byRule.computeIfAbsent(ruleKey, k -> new LinkedHashMap<>());
    Window w = windows.get(key);
    long ts = candidate.lastSeen().toEpochMilli();
    if (w != null && ts < w.end) {
      w.count += candidate.count();
      if (candidate.lastSeen().isAfter(w.lastSeen)) {
        w.lastSeen = candidate.lastSeen();
      }
      for (Event e : candidate.events()) {
        w.events.addLast(e);
        if (w.events.size() > maxEvents) {
          w.events.pollFirst();
        }
      }
      if (!w.dirty) {
        w.dirty = true;
        dirty.add(w);
      }
      suppressed.incrementAndGet();
      return null;
    }
    Window opened = new Window(candidate, ts + suppression.period().toMillis());
    windows.remove(key);
    windows.put(key, opened);
    if (windows.size() > maxKeys) {
      var it = windows.entrySet().iterator();
      it.next();
      it.remove();
      evictions.incrementAndGet();
    }
    return candidate;
  }

  /** One update per window that counted matches since the last flush. */
  List<Detection> flush() {
    if (dirty.isEmpty()) {
      return List.of();
    }
    List<Detection> updates = new ArrayList<>(dirty.size());
    for (Window w : dirty) {
      w.dirty = false;
      updates.add(w.detection.asUpdate(w.count, w.lastSeen, new ArrayList<>(w.events)));
    }
    dirty.clear();
    return updates;
  }

  /** Keeps the windows of these rules, drops the rest. */
  void retainOnly(Set<String> ruleKeys) {
    byRule.keySet().retainAll(ruleKeys);
  }

  /** Drops windows that ended before the watermark. */
  void expire(long watermark) {
    byRule.values().forEach(m -> m.values().removeIf(w -> w.end <= watermark && !w.dirty));
  }

  int openWindows() {
    return byRule.values().stream().mapToInt(Map::size).sum();
  }

  private static final class Window {
    private final Detection detection;
    private final long end;
    private long count;
    private Instant lastSeen;
    private boolean dirty;
    private final ArrayDeque<Event> events;

    Window(Detection detection, long end) {
      this.detection = detection;
      this.end = end;
      this.count = detection.count();
      this.lastSeen = detection.lastSeen();
      this.events = new ArrayDeque<>(detection.events());
    }
  }
}
