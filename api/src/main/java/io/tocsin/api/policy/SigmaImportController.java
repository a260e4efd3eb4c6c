package io.tocsin.api.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.policy.SigmaImportViews.SigmaImportReport;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/policies/import/sigma}: Sigma rules as one YAML document, a multi-document
 * YAML ({@code application/yaml}, {@code text/yaml}, {@code text/plain}) or a zip of a rules folder
 * ({@code application/zip}); {@code dry_run=true} returns the report without saving.
 */
@RestController
@RequestMapping("/api/v1/policies/import")
@Tag(name = "Policies", description = "Detection policies: write, validate, backtest, history")
class SigmaImportController {

  private final SigmaImportService imports;

  SigmaImportController(SigmaImportService imports) {
    this.imports = imports;
  }

  @PostMapping("/sigma")
  @PreAuthorize(Authz.ENGINEER)
  @Operation(
      summary = "Import Sigma rules as policies",
      description =
          "YAML (one or several documents) or a zip of a rules folder. A re-import updates a"
              + " policy but keeps the tenant's enabled flag and exceptions.")
  @ApiResponse(responseCode = "200", description = "The report per rule and the converted policies")
  @ApiResponse(
      responseCode = "409",
      description = "CONFLICT: a policy being imported was changed concurrently")
  SigmaImportReport importSigmaRules(
      CurrentPrincipal principal,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = {
                @Content(
                    mediaType = "application/yaml",
                    schema = @Schema(type = "string", description = "Sigma rules, YAML")),
                @Content(mediaType = "text/yaml", schema = @Schema(type = "string")),
                @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
                @Content(
                    mediaType = "application/zip",
                    schema = @Schema(type = "string", format = "binary"))
              })
          @RequestBody(required = false)
          byte[] body) {
    return imports.importRules(
        principal.tenantId(),
        principal.username(),
        SigmaUploads.read(contentType, body == null ? new byte[0] : body),
        dryRun);
  }
}
