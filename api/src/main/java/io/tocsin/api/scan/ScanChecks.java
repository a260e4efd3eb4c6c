package io.tocsin.api.scan;

import io.tocsin.api.error.ApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a scan looks at: {@code services} (listening sockets), {@code tls} (versions offered on the
 * listening TCP ports; implies services) and {@code packages} (installed package inventory). The
 * CyberPulse {@code scan_type} names {@code full}, {@code quick} and {@code vulnerability} map onto
 * them.
 */
final class ScanChecks {

  static final List<String> ALL = List.of("services", "tls", "packages");
  private static final Map<String, List<String>> PRESETS =
      Map.of(
          "full", ALL,
          "quick", List.of("services"),
          "vulnerability", List.of("services", "tls", "packages"),
          "network", List.of("services", "tls"));

  private ScanChecks() {}

  /**
   * The checks to run from {@code checks} and {@code scan_type} (a preset name, a check name, or a
   * list of them); all of them when neither is given.
   */
  static List<String> of(Object scanType, List<String> checks) {
    Set<String> out = new LinkedHashSet<>();
    if (checks != null) {
      addAll(out, "checks", checks);
    }
    if (scanType instanceof String s) {
      addAll(out, "scan_type", List.of(s));
    } else if (scanType instanceof Collection<?> list) {
      addAll(out, "scan_type", list);
    } else if (scanType != null) {
      throw invalid("scan_type", "must be a string or a list of strings");
    }
    if (out.isEmpty()) {
      out.addAll(ALL);
    }
    if (out.contains("tls")) {
      out.add("services");
    }
    return ALL.stream().filter(out::contains).toList();
  }

  private static void addAll(Set<String> out, String field, Collection<?> names) {
    for (Object o : names) {
      if (!(o instanceof String name) || name.isBlank()) {
        throw invalid(field, "entries must be non-empty strings");
      }
      String n = name.trim().toLowerCase(Locale.ROOT);
      if (ALL.contains(n)) {
        out.add(n);
      } else if (PRESETS.containsKey(n)) {
        out.addAll(PRESETS.get(n));
      } else {
        List<String> known = new ArrayList<>(ALL);
        known.addAll(PRESETS.keySet().stream().sorted().toList());
        throw invalid(field, "unknown check [" + name + "], expected one of " + known);
      }
    }
  }

  static ApiException invalid(String field, String reason) {
    return ApiException.badRequest(field + ": " + reason, Map.of("field", field, "reason", reason));
  }
}
