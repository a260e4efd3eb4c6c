package io.tocsin.api.policy;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.util.Map;
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
class SigmaImportController {

  private final SigmaImportService imports;

  SigmaImportController(SigmaImportService imports) {
    this.imports = imports;
  }

  @PostMapping("/sigma")
  @PreAuthorize(Authz.ENGINEER)
  Map<String, Object> importSigma(
      CurrentPrincipal principal,
      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
      @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) byte[] body) {
    return imports.importRules(
        principal.tenantId(),
        principal.username(),
        SigmaUploads.read(contentType, body == null ? new byte[0] : body),
        dryRun);
  }
}
