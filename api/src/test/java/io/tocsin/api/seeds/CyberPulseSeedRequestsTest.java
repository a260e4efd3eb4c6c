package io.tocsin.api.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The CyberPulse Analytics Platform API: a security event without id or time, sent twice. */
class CyberPulseSeedRequestsTest extends ApiTest {

  private ApiClient admin;
  private ApiClient agent;

  @BeforeEach
  void tenant() {
    admin = TestTenants.tenant(admin(), 30).admin();
    agent = TestTenants.agent(admin, anonymous());
  }

  @Test
  void securityEventAsPrintedThenItsRetryIsNotStoredTwice() {
    String body = SeedRequests.body("cyberpulse/01-security-event.json");

    Response first = agent.send("POST", "/api/v1/security/events", body, "application/json");
    Response retry = agent.send("POST", "/api/v1/security/events", body, "application/json");

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.text("event_id")).startsWith("evt_");
    assertThat(first.body().path("processed").asBoolean()).isTrue();
    assertThat(first.body().path("risk_score").asInt()).as("HIGH = high").isEqualTo(70);
    assertThat(first.body().path("duplicate").asBoolean()).isFalse();
    assertThat(retry.text("event_id")).isEqualTo(first.text("event_id"));
    assertThat(retry.body().path("duplicate").asBoolean()).isTrue();
    assertThat(admin.get("/api/v1/events").body().path("total").asInt()).isEqualTo(1);

    JsonNode event = admin.get("/api/v1/events/" + first.text("event_id")).body();
    assertThat(event.path("event_type").asString()).isEqualTo("auth");
    assertThat(event.at("/event/action").asString()).isEqualTo("failed_login");
    assertThat(event.at("/network/source/ip").asString()).isEqualTo("192.168.1.100");
    assertThat(event.at("/network/destination/port").asInt()).isEqualTo(22);
    assertThat(event.path("risk_score").asDouble()).isEqualTo(0.7);
    assertThat(event.at("/data/payload/username").asString()).isEqualTo("root");
    assertThat(event.path("severity").asString()).as("HIGH is stored as high").isEqualTo("high");
    Response search =
        admin.post("/api/v1/search/events", java.util.Map.of("query", "severity:high"));
    assertThat(search.body().path("total").asInt()).isEqualTo(1);
  }
}
