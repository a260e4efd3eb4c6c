package io.tocsin.api.cyberpulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /security/alerts}: a CyberPulse alert becomes an ordinary, audited alert. */
class SecurityAlertTest extends ApiTest {

  private ApiClient admin;
  private ApiClient analyst;

  @BeforeEach
  void tenant() {
    admin = TestTenants.tenant(admin(), 30).admin();
    analyst = userWithRole(admin, "analyst").client();
  }

  private static Map<String, Object> body() {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("title", "Brute force on SSH");
    b.put("description", "5 failed root logins");
    b.put("severity", "HIGH");
    b.put("source_ip", "192.168.1.100");
    b.put("destination_ip", "10.0.0.5");
    b.put("port", 22);
    b.put("protocol", "SSH");
    b.put("event_type", "failed_login");
    b.put("tags", List.of("brute_force"));
    return b;
  }

  @Test
  void createThen201AndTheAlertIsReadableWithItsNetworkContext() {
    Response created = analyst.post("/api/v1/security/alerts", body());

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("alert_id");
    assertThat(id).startsWith("alr_").isEqualTo(created.text("id"));
    assertThat(created.text("severity")).isEqualTo("high");
    assertThat(created.text("status")).isEqualTo("open");
    assertThat(created.text("source")).isEqualTo("cyberpulse");
    JsonNode alert = admin.get("/api/v1/alerts/" + id).body();
    assertThat(alert.path("title").asString()).isEqualTo("Brute force on SSH");
    JsonNode key = alert.path("group_key");
    assertThat(key.path("network.source.ip").asString()).isEqualTo("192.168.1.100");
    assertThat(key.path("network.destination.port").asInt()).isEqualTo(22);
    assertThat(key.path("event.action").asString()).isEqualTo("failed_login");
    assertThat(alert.at("/history/0/action").asString()).isEqualTo("created");
    assertThat(admin.get("/api/v1/dashboard/metrics").body().path("active_threats").asInt())
        .isEqualTo(1);
  }

  @Test
  void badBodiesAre400NamingTheField() {
    assertBadRequest(Map.of("severity", "high"), "title");
    Map<String, Object> badIp = body();
    badIp.put("source_ip", "attacker.example.com");
    assertBadRequest(badIp, "source_ip");
    Map<String, Object> badPort = body();
    badPort.put("port", 70000);
    assertBadRequest(badPort, "port");
    Map<String, Object> badSeverity = body();
    badSeverity.put("severity", "urgent");
    assertBadRequest(badSeverity, "severity");
  }

  @Test
  void viewerIs403AnonymousIs401() {
    ApiClient viewer = userWithRole(admin, "viewer").client();

    assertThat(viewer.post("/api/v1/security/alerts", body()).status()).isEqualTo(403);
    assertThat(anonymous().post("/api/v1/security/alerts", body()).status()).isEqualTo(401);
  }

  private void assertBadRequest(Map<String, Object> body, String field) {
    Response r = analyst.post("/api/v1/security/alerts", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.body().at("/error/details/field").asString()).as(r.toString()).isEqualTo(field);
  }
}
