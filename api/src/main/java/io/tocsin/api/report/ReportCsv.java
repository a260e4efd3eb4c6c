package io.tocsin.api.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV rendering (RFC 4180): one block per section, each row led by the section name, a header row
 * first and a blank line between sections. Text cells starting with {@code = + - @} or a tab are
 * prefixed with {@code '} so spreadsheets do not run them as formulas (OWASP CSV injection).
 */
final class ReportCsv {

  private ReportCsv() {}

  static byte[] render(Report report) {
    StringBuilder out = new StringBuilder();
    line(out, List.of("report", "period", "from", "to"));
    line(out, List.of("tocsin", report.period(), report.from(), report.to()));
    for (Report.Section s : report.sections()) {
      out.append("\r\n");
      line(out, prefixed("section", s.columns()));
      for (List<Object> row : s.rows()) {
        line(out, prefixed(s.name(), row));
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<Object> prefixed(String first, List<?> rest) {
    List<Object> row = new java.util.ArrayList<>(rest.size() + 1);
    row.add(first);
    row.addAll(rest);
    return row;
  }

  private static void line(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (value instanceof CharSequence
        && !text.isEmpty()
        && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
