package io.tocsin.api.scan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A vulnerability read from a scan's results (see {@link ScanFindings}), as the scan, reports and
 * the dashboard show it.
 *
 * @param type today {@code weak_tls}
 * @param severity {@code high}
 * @param port the listening port
 * @param versions the deprecated TLS versions it offers
 * @param title one line for people
 * @param hostId open findings only: the scanned host
 * @param scanId open findings only: the scan that found it
 * @param scannedAt open findings only: when that scan completed
 */
public record ScanFinding(
    String type,
    String severity,
    Long port,
    List<String> versions,
    String title,
    String hostId,
    String scanId,
    Instant scannedAt) {

  /** A finding as stored with its scan. */
  static ScanFinding stored(Map<String, Object> f) {
    return open(f, null, null, null);
  }

  static ScanFinding open(Map<String, Object> f, String hostId, String scanId, Instant scannedAt) {
    return new ScanFinding(
        text(f.get("type")),
        text(f.get("severity")),
        f.get("port") instanceof Number n ? n.longValue() : null,
        f.get("versions") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : null,
        text(f.get("title")),
        hostId,
        scanId,
        scannedAt);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
