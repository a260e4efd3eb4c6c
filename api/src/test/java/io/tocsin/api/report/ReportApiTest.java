package io.tocsin.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /analytics/report} as JSON, CSV and PDF, and its 400s. */
class ReportApiTest extends ApiTest {

  private ApiClient admin;
  private TestUser viewer;

  @BeforeEach
  void tenantWithAlerts() {
    admin = TestTenants.tenant(admin(), 30).admin();
    viewer = userWithRole(admin, "viewer");
    ApiClient analyst = userWithRole(admin, "analyst").client();
    for (Map<String, Object> alert :
        List.of(
            Map.<String, Object>of(
                "title", "Ransomware note on web-1", "severity", "critical", "host_id", "web-1"),
            Map.<String, Object>of(
                "title", "=HYPERLINK(\"http://x\")", "severity", "low", "host_id", "web-2"))) {
      Response r = analyst.post("/api/v1/alerts", alert);
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
  }

  @Test
  void jsonReportHasEveryRequestedSectionInOrder() {
    Response r =
        viewer
            .client()
            .post(
                "/api/v1/analytics/report",
                Map.of("period", "24h", "sections", List.of("alerts", "summary", "top_hosts")));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode sections = r.body().path("sections");
    assertThat(sections.propertyNames()).containsExactly("alerts", "summary", "top_hosts");
    assertThat(r.body().path("period").asString()).isEqualTo("24h");
    assertThat(sections.at("/summary/alerts_raised").asInt()).isEqualTo(2);
    assertThat(sections.at("/summary/alerts_raised_critical").asInt()).isEqualTo(1);
    assertThat(sections.at("/alerts/by_severity/critical").asInt()).isEqualTo(1);
    assertThat(sections.at("/alerts/recent").size()).isEqualTo(2);
    assertThat(sections.path("top_hosts").size()).isEqualTo(2);

    JsonNode all = viewer.client().post("/api/v1/analytics/report", Map.of()).body();
    assertThat(all.path("period").asString()).as("default period").isEqualTo("7d");
    assertThat(all.path("sections").propertyNames())
        .containsExactly(
            "summary",
            "alerts",
            "events",
            "top_hosts",
            "top_policies",
            "compliance",
            "vulnerabilities",
            "threats");
  }

  @Test
  void csvDownloadIsAnAttachmentWithOneBlockPerSectionAndNoFormulas() {
    Response r =
        viewer
            .client()
            .post(
                "/api/v1/analytics/report",
                Map.of("period", "7d", "sections", List.of("summary", "alerts"), "format", "csv"));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/csv");
    assertThat(r.header("Content-Disposition"))
        .startsWith("attachment")
        .contains("filename=\"tocsin-report-7d-")
        .endsWith(".csv\"");
    String csv = r.raw().body();
    assertThat(csv).contains("section,metric,value\r\n").contains("summary,alerts_raised,2\r\n");
    assertThat(csv).contains("section,id,created_at,severity,status,title,host_id,policy_name");
    assertThat(csv).contains("Ransomware note on web-1");
    assertThat(csv)
        .as("a formula-looking title is neutralised and quoted")
        .contains("\"'=HYPERLINK(\"\"http://x\"\")\"");

    Response viaAccept =
        viewer
            .client()
            .with("Accept", "text/csv")
            .post("/api/v1/analytics/report", Map.of("sections", List.of("summary")));
    assertThat(viaAccept.header("Content-Type")).startsWith("text/csv");
  }

  @Test
  void pdfDownloadParsesAndContainsTheSections() throws Exception {
    HttpResponse<byte[]> r =
        rawPost(
            "{\"period\":\"30d\",\"sections\":[\"summary\",\"alerts\",\"compliance\"]}",
            "application/pdf");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .endsWith(".pdf\"");
    assertThat(new String(r.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    PdfReader reader = new PdfReader(r.body());
    try {
      StringBuilder text = new StringBuilder();
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page));
      }
      // table cells wrap, so compare without whitespace
      assertThat(text.toString().replaceAll("\\s+", ""))
          .contains("Tocsinsecurityreport")
          .contains("period30d")
          .contains("Alertsraised")
          .contains("alerts_raised2")
          .contains("Ransomwarenoteonweb-1")
          .contains("Compliance")
          .contains("PCIDSS");
    } finally {
      reader.close();
    }
  }

  @Test
  void unknownSectionPeriodOrFormatIs400NamingIt() {
    assertBadRequest(Map.of("sections", List.of("summary", "weather")), "sections", "[weather]");
    assertBadRequest(Map.of("sections", List.of()), "sections", "at least one");
    assertBadRequest(Map.of("period", "1y"), "period", "[1y]");
    assertBadRequest(Map.of("format", "docx"), "format", "[docx]");
  }

  @Test
  void errorsStayJsonWhenAPdfWasAskedFor() throws Exception {
    HttpResponse<byte[]> r = rawPost("{\"sections\":[\"weather\"]}", "application/pdf");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"VALIDATION_ERROR\"")
        .contains("[weather]");
  }

  @Test
  void otherTenantsSeeTheirOwnNumbersAndAgentsAndAnonymousAreRefused() {
    ApiClient other = TestTenants.tenant(admin(), 30).admin();
    JsonNode theirs =
        other.post("/api/v1/analytics/report", Map.of("sections", List.of("summary"))).body();

    assertThat(theirs.at("/sections/summary/alerts_raised").asInt()).isZero();
    assertThat(
            TestTenants.agent(admin, anonymous())
                .post("/api/v1/analytics/report", Map.of())
                .status())
        .isEqualTo(403);
    assertThat(anonymous().post("/api/v1/analytics/report", Map.of()).status()).isEqualTo(401);
  }

  private void assertBadRequest(Map<String, Object> body, String field, String named) {
    Response r = viewer.client().post("/api/v1/analytics/report", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.body().at("/error/details/field").asString()).isEqualTo(field);
    assertThat(r.body().at("/error/message").asString()).contains(named);
  }

  private HttpResponse<byte[]> rawPost(String json, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/analytics/report"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + login(viewer.username(), PASSWORD))
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
