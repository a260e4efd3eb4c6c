package io.tocsin.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
@Tag(name = "Reports", description = "Period reports as JSON, CSV or PDF")
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
  @Operation(
      summary = "Build a report of the tenant for a period, as JSON, CSV or PDF",
      description =
          "The format is `format`, else the Accept header (text/csv, application/pdf), else JSON."
              + " CSV and PDF are downloads (Content-Disposition: attachment).")
  @ApiResponse(
      responseCode = "200",
      description = "The report in the chosen format",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = ReportView.class)),
        @Content(
            mediaType = "text/csv",
            schema =
                @Schema(
                    type = "string",
                    description = "RFC 4180, one block per section led by its header row")),
        @Content(
            mediaType = MediaType.APPLICATION_PDF_VALUE,
            schema = @Schema(type = "string", format = "binary"))
      })
  ResponseEntity<?> buildReport(
      CurrentPrincipal principal,
      @RequestBody(required = false) ReportRequest body,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    ReportRequest r = body == null ? new ReportRequest(null, null, null) : body;
    ReportOptions options = ReportOptions.of(r.period(), r.sections(), r.format(), accept);
    Report report = builder.build(principal.tenantId(), options);
    return switch (options.format()) {
      case "csv" -> download(report, "csv", CSV, ReportCsv.render(report));
      case "pdf" -> download(report, "pdf", MediaType.APPLICATION_PDF, ReportPdf.render(report));
      default ->
          ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ReportView.of(report));
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
}
