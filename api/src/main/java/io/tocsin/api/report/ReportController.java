package io.tocsin.api.report;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/analytics/report}: JSON in the body, or a CSV or PDF download ({@code
 * Content-Disposition: attachment}), for any role of the tenant.
 */
@RestController
class ReportController {

  static final MediaType CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * The request.
   *
   * @param period {@code 24h}, {@code 7d} (default) or {@code 30d}
   * @param sections which sections, in order (default all)
   * @param format {@code json}, {@code csv} or {@code pdf} (default: from {@code Accept}, else
   *     json)
   */
  record ReportRequest(String period, List<String> sections, String format) {}

  private final ReportBuilder builder;

  ReportController(ReportBuilder builder) {
    this.builder = builder;
  }

  @PostMapping("/api/v1/analytics/report")
  @PreAuthorize(Authz.VIEWER)
  ResponseEntity<?> report(
      CurrentPrincipal principal,
      @RequestBody(required = false) ReportRequest body,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    ReportRequest r = body == null ? new ReportRequest(null, null, null) : body;
    ReportOptions options = ReportOptions.of(r.period(), r.sections(), r.format(), accept);
    Report report = builder.build(principal.tenantId(), options);
    return switch (options.format()) {
      case "csv" -> download(report, "csv", CSV, ReportCsv.render(report));
      case "pdf" -> download(report, "pdf", MediaType.APPLICATION_PDF, ReportPdf.render(report));
      default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(report));
    };
  }

  private static ResponseEntity<byte[]> download(
      Report report, String extension, MediaType type, byte[] bytes) {
    String name =
        "tocsin-report-" + report.period() + "-" + STAMP.format(report.to()) + "." + extension;
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(bytes);
  }

  private static Map<String, Object> json(Report report) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", report.period());
    body.put("start_time", report.from());
    body.put("end_time", report.to());
    body.put("generated_at", report.to());
    Map<String, Object> sections = new LinkedHashMap<>();
    report.sections().forEach(s -> sections.put(s.name(), s.data()));
    body.put("sections", sections);
    return body;
  }
}
