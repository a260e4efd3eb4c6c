package io.tocsin.api.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vulnerabilities read from an agent's scan results. Today one kind: a listening TCP port that
 * still completes a TLS 1.0 or 1.1 handshake ({@code weak_tls}, high: both versions are deprecated
 * by RFC 8996 and fail PCI DSS). Each finding counts once towards {@code open_vulnerabilities}.
 */
final class ScanFindings {

  static final Set<String> DEPRECATED_TLS = Set.of("TLSv1", "TLSv1.1");

  private ScanFindings() {}

  static List<Map<String, Object>> of(Map<String, Object> results) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (results == null || !(results.get("tls") instanceof List<?> ports)) {
      return out;
    }
    for (Object entry : ports) {
      if (!(entry instanceof Map<?, ?> port) || !(port.get("offered") instanceof List<?> offered)) {
        continue;
      }
      List<String> weak =
          offered.stream().map(String::valueOf).filter(DEPRECATED_TLS::contains).sorted().toList();
      if (weak.isEmpty()) {
        continue;
      }
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("type", "weak_tls");
      f.put("severity", "high");
      f.put("port", port.get("port"));
      f.put("versions", weak);
      f.put(
          "title", "Port " + port.get("port") + " offers deprecated " + String.join(" and ", weak));
      out.add(f);
    }
    return out;
  }

  static ScanSummary summary(Map<String, Object> results, List<Map<String, Object>> findings) {
    Object packages = results == null ? null : results.get("packages");
    return new ScanSummary(
        size(results == null ? null : results.get("services")),
        size(results == null ? null : results.get("tls")),
        packages instanceof Map<?, ?> p && p.get("count") instanceof Number n ? n.longValue() : 0,
        findings == null ? 0 : findings.size());
  }

  private static int size(Object list) {
    return list instanceof List<?> l ? l.size() : 0;
  }
}
