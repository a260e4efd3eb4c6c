package io.tocsin.api.report;

import io.tocsin.api.error.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The validated request: period, sections (in order, no repeats) and format. The format comes from
 * {@code format}, else from {@code Accept} ({@code text/csv}, {@code application/pdf}), else JSON.
 */
record ReportOptions(String period, Duration window, List<String> sections, String format) {

  static final Map<String, Duration> PERIODS = new LinkedHashMap<>();
  static final List<String> SECTIONS =
      List.of(
          "summary",
          "alerts",
          "events",
          "top_hosts",
          "top_policies",
          "compliance",
          "vulnerabilities",
          "threats");
  static final List<String> FORMATS = List.of("json", "csv", "pdf");

  static {
    PERIODS.put("24h", Duration.ofHours(24));
    PERIODS.put("7d", Duration.ofDays(7));
    PERIODS.put("30d", Duration.ofDays(30));
  }

  static ReportOptions of(String period, List<String> sections, String format, String accept) {
    String p = period == null ? "7d" : period.trim().toLowerCase(Locale.ROOT);
    if (!PERIODS.containsKey(p)) {
      throw invalid(
          "period", "unknown period [" + period + "], expected one of " + PERIODS.keySet());
    }
    List<String> chosen = new ArrayList<>();
    if (sections == null) {
      chosen.addAll(SECTIONS);
    } else if (sections.isEmpty()) {
      throw invalid("sections", "name at least one of " + SECTIONS);
    }
    for (String s : sections == null ? List.<String>of() : sections) {
      String name = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
      if (!SECTIONS.contains(name)) {
        throw invalid("sections", "unknown section [" + s + "], expected one of " + SECTIONS);
      }
      if (!chosen.contains(name)) {
        chosen.add(name);
      }
    }
    return new ReportOptions(p, PERIODS.get(p), List.copyOf(chosen), format(format, accept));
  }

  private static String format(String format, String accept) {
    if (format != null) {
      String f = format.trim().toLowerCase(Locale.ROOT);
      if (!FORMATS.contains(f)) {
        throw invalid("format", "unknown format [" + format + "], expected one of " + FORMATS);
      }
      return f;
    }
    String a = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
    if (a.contains("text/csv")) {
      return "csv";
    }
    if (a.contains("application/pdf")) {
      return "pdf";
    }
    return "json";
  }

  private static ApiException invalid(String field, String reason) {
    return ApiException.badRequest(field + ": " + reason, Map.of("field", field, "reason", reason));
  }
}
