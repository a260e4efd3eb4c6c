package io.tocsin.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /ws} and {@code /api/v1/ws} over real sockets: authentication, protocols, tenants. */
class StreamSocketTest extends ApiTest {

  @Test
  void headerAuthThenOpenFrameSubscribeGetsTypedAlertMessages() throws Exception {
    try (SocketClient ws = SocketClient.bearer(port, login("admin", ADMIN_PASSWORD))) {
      ws.send(Map.of("type", "subscribe", "topics", List.of("alerts", "devices")));
      JsonNode ack = ws.awaitType("subscribed").get(0);
      assertThat(ack.path("topics").toString()).contains("alerts").contains("devices");

      String id = createAlert(admin(), "openframe alert", "high");

      JsonNode alert = last(ws.await(m -> id.equals(m.path("data").path("id").asString()), id));
      assertThat(alert.path("type").asString()).isEqualTo("alert");
      assertThat(alert.path("event").asString()).isEqualTo("alert.created");
      assertThat(alert.path("data").path("title").asString()).isEqualTo("openframe alert");
      assertThat(alert.path("id").asLong()).isPositive();
    }
  }

  @Test
  void firstMessageAuthThenCyberPulseChannelsOnApiPath() throws Exception {
    try (SocketClient ws = SocketClient.connect(port, "/api/v1/ws", Map.of())) {
      ws.send(Map.of("type", "auth", "token", login("admin", ADMIN_PASSWORD)));
      assertThat(ws.awaitType("authenticated").get(0).path("tenant_id").asString())
          .isEqualTo("default");
      ws.send(Map.of("action", "subscribe", "channels", List.of("security_alerts")));
      assertThat(ws.awaitType("subscribed").get(0).path("channels").toString())
          .contains("security_alerts");

      String id = createAlert(admin(), "cyberpulse alert", "critical");

      JsonNode alert = last(ws.await(m -> id.equals(m.path("data").path("id").asString()), id));
      assertThat(alert.path("channel").asString()).isEqualTo("security_alerts");
      assertThat(alert.path("data").path("severity").asString()).isEqualTo("critical");
      ws.send(Map.of("type", "ping"));
      ws.awaitType("pong");
    }
  }

  @Test
  void caseChangesReachTheProjectUpdatesChannel() throws Exception {
    try (SocketClient ws = SocketClient.bearer(port, login("admin", ADMIN_PASSWORD))) {
      ws.send(Map.of("action", "subscribe", "channels", List.of("project_updates")));
      ws.awaitType("subscribed");

      var created = admin().post("/api/v1/projects", Map.of("name", "Streamed case"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String id = created.text("id");
      assertThat(admin().put("/api/v1/projects/" + id, Map.of("status", "active")).status())
          .isEqualTo(200);

      List<JsonNode> messages =
          ws.await(
              m ->
                  id.equals(m.path("data").path("id").asString())
                      && "case.updated".equals(m.path("event").asString()),
              id);
      JsonNode first =
          messages.stream()
              .filter(m -> id.equals(m.path("data").path("id").asString()))
              .findFirst()
              .orElseThrow();
      assertThat(first.path("channel").asString()).isEqualTo("project_updates");
      assertThat(first.path("event").asString()).isEqualTo("case.created");
      assertThat(first.path("data").path("name").asString()).isEqualTo("Streamed case");
      assertThat(last(messages).path("data").path("status").asString()).isEqualTo("active");
    }
  }

  @Test
  void singleChannelSubscribeFormIsAccepted() throws Exception {
    try (SocketClient ws = SocketClient.bearer(port, login("admin", ADMIN_PASSWORD))) {
      ws.send(Map.of("type", "subscribe", "channel", "security_events"));
      assertThat(ws.awaitType("subscribed").get(0).path("channels").toString())
          .contains("security_events");
      String marker = "ws-evt-" + System.nanoTime();
      ApiClient.Response ingested =
          admin()
              .post(
                  "/api/v1/security/events",
                  Map.of(
                      "id", marker,
                      "source_ip", "10.1.2.3",
                      "destination_ip", "10.9.9.9",
                      "port", 443,
                      "protocol", "tcp",
                      "event_type", "port_scan",
                      "severity", "high"));
      assertThat(ingested.status()).as(ingested.toString()).isEqualTo(200);
      JsonNode event =
          last(ws.await(m -> m.path("data").path("id").asString().contains(marker), marker));
      assertThat(event.path("channel").asString()).isEqualTo("security_events");
      assertThat(event.path("data").path("severity").asString()).isEqualTo("high");
      assertThat(event.path("data").has("payload") && event.path("data").path("payload").size() > 1)
          .as("a summary, not the whole event")
          .isFalse();
    }
  }

  @Test
  void badTokenInFirstMessageClosesWith4401() throws Exception {
    try (SocketClient ws = SocketClient.connect(port, "/ws", Map.of())) {
      ws.send(Map.of("type", "auth", "token", "not-a-jwt"));
      SocketClient.Close close = ws.awaitClose();
      assertThat(close.code()).isEqualTo(4401);
      assertThat(close.reason()).contains("invalid token");
    }
  }

  @Test
  void subscribeBeforeAuthClosesWith4401() throws Exception {
    try (SocketClient ws = SocketClient.connect(port, "/ws", Map.of())) {
      ws.send(Map.of("type", "subscribe", "topics", List.of("alerts")));
      assertThat(ws.awaitClose())
          .isEqualTo(new SocketClient.Close(4401, "authentication required"));
    }
  }

  @Test
  void silentSocketIsClosedAfterTheAuthTimeout() throws Exception {
    try (SocketClient ws = SocketClient.connect(port, "/ws", Map.of())) {
      assertThat(ws.awaitClose()).isEqualTo(new SocketClient.Close(4401, "authentication timeout"));
    }
  }

  @Test
  void badBearerHeaderRefusesTheUpgradeWith401() {
    assertThatThrownBy(
            () -> SocketClient.connect(port, "/ws", Map.of("Authorization", "Bearer nope")))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(401));
  }

  @Test
  void agentKeyRefusesTheUpgradeWith403() {
    ApiClient.Response key = admin().post("/api/v1/api-keys", Map.of("name", "ws-agent"));
    assertThat(key.status()).isEqualTo(201);
    assertThatThrownBy(
            () -> SocketClient.connect(port, "/ws", Map.of("X-API-Key", key.text("key"))))
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(403));
  }

  @Test
  void plainGetWithoutUpgradeIs400InTheErrorContract() {
    ApiClient.Response r = anonymous().get("/ws");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(r.body().path("request_id").asString()).isNotBlank();
    assertThat(admin().get("/api/v1/ws").status()).isEqualTo(400);
  }

  @Test
  void unknownTopicIsAnErrorMessageNotAClose() throws Exception {
    try (SocketClient ws = SocketClient.bearer(port, login("admin", ADMIN_PASSWORD))) {
      ws.send(Map.of("type", "subscribe", "topics", List.of("secrets")));
      assertThat(ws.awaitType("error").get(0).path("message").asString()).contains("[secrets]");
      ws.send("{not json");
      ws.send(Map.of("type", "ping"));
      ws.awaitType("pong");
    }
  }

  @Test
  void tenantBNeverSeesTenantAsAlerts() throws Exception {
    TestTenants.Tenant other = TestTenants.tenant(admin(), 30);
    ApiClient otherViewer = other.admin();
    try (SocketClient ws =
        SocketClient.connect(
            port,
            "/ws",
            Map.of(
                "Authorization",
                "Bearer " + login("admin", ADMIN_PASSWORD),
                "X-Tenant-ID",
                other.id()))) {
      ws.send(Map.of("type", "subscribe", "topics", List.of("alerts")));
      ws.awaitType("subscribed");
      String mine = createAlert(admin(), "tenant A secret", "critical");
      String theirs = createAlert(otherViewer, "tenant B alert", "low");

      List<JsonNode> seen =
          ws.await(m -> theirs.equals(m.path("data").path("id").asString()), theirs);

      assertThat(seen.toString()).doesNotContain(mine).doesNotContain("tenant A secret");
      assertThat(ws.drain(Duration.ofMillis(800)).toString()).doesNotContain(mine);
    }
  }

  @Test
  void filtersBySeverityAndHost() throws Exception {
    try (SocketClient ws = SocketClient.bearer(port, login("admin", ADMIN_PASSWORD))) {
      ws.send(
          Map.of(
              "type",
              "subscribe",
              "topics",
              List.of("alerts"),
              "filters",
              Map.of("severity", "high")));
      ws.awaitType("subscribed");
      String low = createAlert(admin(), "filtered out: low", "low");
      String medium = createAlert(admin(), "filtered out: medium", "medium");
      String critical = createAlert(admin(), "kept: critical", "critical");

      List<JsonNode> seen =
          ws.await(m -> critical.equals(m.path("data").path("id").asString()), critical);

      assertThat(seen.toString()).doesNotContain(low).doesNotContain(medium);
    }
  }

  static String createAlert(ApiClient api, String title, String severity) {
    ApiClient.Response r = api.post("/api/v1/alerts", Map.of("title", title, "severity", severity));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("id");
  }

  static JsonNode last(List<JsonNode> messages) {
    return messages.get(messages.size() - 1);
  }
}
