package io.tocsin.api.stream;

import io.tocsin.engine.policy.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a subscriber narrows its topics to. A single severity is a minimum ({@code high}: high and
 * critical); a list ({@code high,critical} or a JSON array) is exact. Policy and host filters are
 * lists of ids. Messages without the filtered field (e.g. a device change under a severity filter)
 * do not match.
 */
record StreamFilter(
    Severity minSeverity, Set<String> severities, Set<String> policies, Set<String> hosts) {

  static final StreamFilter NONE = new StreamFilter(null, Set.of(), Set.of(), Set.of());

  /** From request values (comma-separated strings or JSON arrays); bad values throw. */
  static StreamFilter parse(Object severity, Object policy, Object host) {
    List<String> levels = values("severity", severity);
    Severity min = null;
    Set<String> exact = Set.of();
    for (String level : levels) {
      if (Severity.parse(level).isEmpty() && !level.equalsIgnoreCase("info")) {
        throw new IllegalArgumentException(
            "severity: unknown severity [" + level + "], known: info, low, medium, high, critical");
      }
    }
    if (levels.size() == 1 && !(severity instanceof Collection<?>)) {
      min = Severity.parse(levels.get(0)).orElse(null);
      if (min == null) {
        exact = Set.of("info");
      }
    } else {
      exact = levels.stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
    return new StreamFilter(
        min, exact, Set.copyOf(values("policy", policy)), Set.copyOf(values("host", host)));
  }

  boolean matches(StreamMessage m) {
    if (minSeverity != null) {
      Severity s = Severity.parse(m.severity()).orElse(null);
      if (s == null || s.compareTo(minSeverity) < 0) {
        return false;
      }
    }
    if (!severities.isEmpty()
        && (m.severity() == null || !severities.contains(m.severity().toLowerCase(Locale.ROOT)))) {
      return false;
    }
    if (!policies.isEmpty() && !policies.contains(m.policyId())) {
      return false;
    }
    return hosts.isEmpty() || hosts.contains(m.hostId());
  }

  private static List<String> values(String field, Object value) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    Collection<?> items =
        value instanceof Collection<?> c ? c : Arrays.asList(value.toString().split(","));
    for (Object item : items) {
      if (!(item instanceof String) && !(item instanceof Number)) {
        throw new IllegalArgumentException(field + ": expected a string or a list of strings");
      }
      String s = item.toString().trim();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }
}
