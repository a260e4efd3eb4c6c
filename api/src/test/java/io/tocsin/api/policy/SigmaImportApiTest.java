package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/policies/import/sigma}: formats, dry run, roles, tenants, bad input. */
class SigmaImportApiTest extends DetectionApiTest {

  private static final String PATH = "/api/v1/policies/import/sigma";

  private static final String RULE =
      """
      title: Whoami
      id: imp-whoami
      logsource: {product: windows, category: process_creation}
      detection:
        sel:
          Image|endswith: '\\whoami.exe'
        condition: sel
      level: medium
      """;

  private static final String BAD =
      """
      title: Bad
      id: imp-bad
      logsource: {product: windows}
      detection:
        sel:
          Image|nonsense: x
        condition: sel
      """;

  private static Response yaml(io.tocsin.api.support.ApiClient c, String query, String body) {
    return c.send("POST", PATH + query, body, "application/yaml");
  }

  @Test
  void dryRunReportsWithoutSaving() {
    Tenant t = newTenant();
    Response r = ok(yaml(t.engineer(), "?dry_run=true", RULE + "---\n" + BAD));

    assertThat(r.body().path("dry_run").asBoolean()).isTrue();
    JsonNode summary = r.body().path("summary");
    assertThat(summary.path("rules").asInt()).isEqualTo(2);
    assertThat(summary.path("converted").asInt()).isEqualTo(1);
    assertThat(summary.path("rejected").asInt()).isEqualTo(1);
    assertThat(summary.path("created").asInt()).isZero();
    JsonNode rejected = r.body().path("rules").get(1);
    assertThat(rejected.path("status").asString()).isEqualTo("rejected");
    assertThat(rejected.path("reasons").get(0).asString())
        .isEqualTo("[sel]: unknown modifier [nonsense]");
    assertThat(r.body().path("rules").get(0).path("outcome").asString()).isEqualTo("would_save");
    assertThat(t.viewer().get("/api/v1/policies/sigma-imp-whoami").status()).isEqualTo(404);
  }

  @Test
  void importSavesConvertedPoliciesOnlyInTheCallersTenant() {
    Tenant t = newTenant();
    Tenant other = newTenant();
    Response r = ok(yaml(t.engineer(), "", RULE + "---\n" + BAD));

    assertThat(r.body().path("summary").path("created").asInt()).isEqualTo(1);
    Response saved = ok(t.viewer().get("/api/v1/policies/sigma-imp-whoami"));
    assertThat(saved.body().path("name").asString()).isEqualTo("Whoami");
    assertThat(saved.body().path("tags").toString()).contains("sigma");
    assertThat(t.viewer().get("/api/v1/policies/sigma-imp-bad").status()).isEqualTo(404);
    assertThat(other.viewer().get("/api/v1/policies/sigma-imp-whoami").status()).isEqualTo(404);
  }

  @Test
  void reimportUpdatesTheRuleButKeepsTunedExceptionsAndEnabledFlag() {
    Tenant t = newTenant();
    ok(yaml(t.engineer(), "", RULE));
    Map<String, Object> tuned =
        Map.of(
            "name",
            "Whoami",
            "enabled",
            false,
            "rules",
            List.of(
                Map.of(
                    "id", "sigma",
                    "condition", "process.name == 'whoami.exe'",
                    "exceptions", List.of("user.name == 'svc_inventory'"))));
    ok(t.engineer().put("/api/v1/policies/sigma-imp-whoami", tuned));

    Response again = ok(yaml(t.engineer(), "", RULE.replace("level: medium", "level: high")));

    assertThat(again.body().path("summary").path("updated").asInt()).isEqualTo(1);
    JsonNode p = ok(t.viewer().get("/api/v1/policies/sigma-imp-whoami")).body();
    assertThat(p.path("enabled").asBoolean()).isFalse();
    JsonNode rule = p.path("rules").get(0);
    assertThat(rule.path("severity").asString()).isEqualTo("high");
    assertThat(rule.path("condition").asString()).contains("iendswith '\\\\whoami.exe'");
    assertThat(rule.path("exceptions").get(0).asString()).isEqualTo("user.name == 'svc_inventory'");
  }

  @Test
  void zipOfARulesFolderIsImported() {
    Tenant t = newTenant();
    byte[] zip =
        zip(
            Map.of(
                "rules/windows/whoami.yml",
                RULE,
                "rules/README.md",
                "# not a rule",
                "rules/windows/more.yaml",
                RULE.replace("imp-whoami", "imp-whoami-2")));

    Response r = ok(t.engineer().sendBytes("POST", PATH, zip, "application/zip"));

    assertThat(r.body().path("summary").path("created").asInt()).isEqualTo(2);
    assertThat(r.body().path("rules").get(0).path("source").asString())
        .isEqualTo("rules/windows/more.yaml#1");
  }

  @Test
  void zipBombIsRefusedWith400() {
    Tenant t = newTenant();
    String huge = "#" + "A".repeat((int) SigmaUploads.MAX_FILE_BYTES + 10) + "\n";
    Response r =
        t.engineer().sendBytes("POST", PATH, zip(Map.of("bomb.yml", huge)), "application/zip");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(r.body().path("error").path("message").asString()).contains("larger than");
  }

  @Test
  void badYamlIs400WithTheProblemsLocated() {
    Tenant t = newTenant();
    Response r = yaml(t.engineer(), "", "title: [unclosed\nid: x\n");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(r.body().path("error").path("details").path("problems").get(0).asString())
        .startsWith("body.yml:");
  }

  @Test
  void notYamlOrZipIs400() {
    Tenant t = newTenant();
    assertThat(t.engineer().send("POST", PATH, "{}", "application/json").status()).isEqualTo(400);
    assertThat(
            t.engineer()
                .sendBytes(
                    "POST", PATH, "not a zip".getBytes(StandardCharsets.UTF_8), "application/zip")
                .status())
        .isEqualTo(400);
    assertThat(yaml(t.engineer(), "", "").status()).isEqualTo(400);
  }

  @Test
  void analystsAndViewersCannotImport() {
    Tenant t = newTenant();
    assertThat(yaml(t.analyst(), "?dry_run=true", RULE).status()).isEqualTo(403);
    assertThat(yaml(t.viewer(), "", RULE).status()).isEqualTo(403);
    assertThat(yaml(anonymous(), "", RULE).status()).isEqualTo(401);
    assertThat(yaml(t.admin(), "?dry_run=true", RULE).status()).isEqualTo(200);
  }

  private static byte[] zip(Map<String, String> files) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> f : new java.util.TreeMap<>(files).entrySet()) {
        out.putNextEntry(new ZipEntry(f.getKey()));
        out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      out.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
