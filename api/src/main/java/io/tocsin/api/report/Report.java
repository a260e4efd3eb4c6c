package io.tocsin.api.report;

import java.time.Instant;
import java.util.List;

/**
 * A built report.
 *
 * @param tenantId tenant
 * @param period {@code 24h}, {@code 7d} or {@code 30d}
 * @param from start of the period
 * @param to end of the period (when it was built)
 * @param sections in the requested order
 */
record Report(String tenantId, String period, Instant from, Instant to, List<Section> sections) {

  /**
   * One section: its JSON value and the same content as one table for CSV and PDF.
   *
   * @param name request name, e.g. {@code top_hosts}
   * @param title heading
   * @param data the JSON value
   * @param columns table header
   * @param rows table rows, one value per column
   */
  record Section(
      String name, String title, Object data, List<String> columns, List<List<Object>> rows) {}
}
