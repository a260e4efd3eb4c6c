package io.tocsin.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.AlertService;
import io.tocsin.api.alert.TestDetections;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.engine.Detection;
import io.tocsin.engine.policy.Action;
import io.tocsin.engine.policy.Severity;
import io.tocsin.model.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one server every webhook end-to-end test shares: private receivers allowed (the receivers run
 * on 127.0.0.1), a 100 ms retry base, a 700 ms read timeout and a fast poll, so retries take
 * milliseconds. It cannot share {@code ApiTest}'s server (its store directory is fixed there and an
 * embedded store cannot be opened twice), so it mirrors that class's few helpers. The periodic
 * sweep is effectively off; tests call {@code OutboxSweeper.sweep()} themselves.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tocsin.admin-password=" + WebhookTestBase.ADMIN_PASSWORD,
      "tocsin.jwt.secret=webhook-test-secret-webhook-test-secret-0123456789",
      "tocsin.bcrypt-strength=4",
      "tocsin.load-builtin-policies=false",
      "tocsin.webhook.allow-private=true",
      "tocsin.webhook.retry.base=100ms",
      "tocsin.webhook.retry.cap=2s",
      "tocsin.webhook.retry.max-attempts=4",
      "tocsin.webhook.connect-timeout=3s",
      "tocsin.webhook.read-timeout=3s", // well above a busy machine's reply time
      "tocsin.webhook.poll-interval=50ms",
      "tocsin.webhook.lease=10s",
      "tocsin.webhook.sweep.period=1h",
      "tocsin.webhook.sweep.grace=1s",
      "tocsin.public-url=https://tocsin.example.com"
    })
public abstract class WebhookTestBase {

  static final String ADMIN_PASSWORD = "webhook-admin-password";
  static final String SECRET = "receiver-shared-secret-0123";
  static final String PASSWORD = "correct horse battery";
  private static String adminToken;

  @LocalServerPort protected int port;
  @Autowired protected AlertService alerts;

  protected Receiver receiver;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    String dir = Files.createTempDirectory("tocsin-webhook-").toString();
    registry.add("tocsin.data-dir", () -> dir);
  }

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.close();
    }
  }

  protected Receiver receiver() throws IOException {
    receiver = new Receiver();
    return receiver;
  }

  /**
   * A fresh tenant.
   *
   * @param id tenant id
   * @param admin the platform admin acting in it
   * @param engineer a detection engineer of it
   * @param viewer a viewer of it
   */
  protected record Tenant(String id, ApiClient admin, ApiClient engineer, ApiClient viewer) {}

  protected ApiClient anonymous() {
    return new ApiClient("http://localhost:" + port);
  }

  protected ApiClient admin() {
    if (adminToken == null) {
      adminToken = login("admin", ADMIN_PASSWORD);
    }
    return anonymous().bearer(adminToken);
  }

  protected Tenant newTenant() {
    String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = admin().post("/api/v1/tenants", Map.of("name", "Tenant " + id, "id", id));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    ApiClient admin = admin().with("X-Tenant-ID", id);
    return new Tenant(id, admin, user(admin, "detection_engineer"), user(admin, "viewer"));
  }

  private ApiClient user(ApiClient admin, String role) {
    String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    Response created =
        admin.post(
            "/api/v1/users",
            Map.of(
                "email",
                name + "@example.com",
                "username",
                name,
                "password",
                PASSWORD,
                "role",
                role));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return anonymous().bearer(login(name, PASSWORD));
  }

  private String login(String username, String password) {
    Response r =
        anonymous().post("/api/v1/auth/login", Map.of("username", username, "password", password));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.text("token");
  }

  /** Creates a webhook to the receiver with {@link #SECRET}; {@code extra} overrides fields. */
  protected String webhook(Tenant t, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "hook-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("url", receiver.url());
    body.put("secret", SECRET);
    body.put("events", List.of("alert.created", "alert.updated", "alert.closed"));
    body.putAll(extra);
    Response r = t.engineer().post("/api/v1/webhooks", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("id");
  }

  /** Records a new high-severity alert in the tenant, as the detection pipeline would. */
  protected String raiseAlert(Tenant t, String policyId, Severity severity) {
    Event e = TestDetections.event(t.id(), TestDetections.unique("evt"), "host-7", Instant.now());
    Detection d =
        TestDetections.detection(
            TestDetections.unique("det"), t.id(), policyId, severity, Action.ALERT, List.of(e), 1);
    alerts.record(t.id(), List.of(d));
    Response list = t.admin().get("/api/v1/alerts?policy_id=" + policyId);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.body().path("alerts").get(0).path("id").asString();
  }

  protected Response deliveries(Tenant t, String webhookId) {
    Response r = t.viewer().get("/api/v1/webhooks/" + webhookId + "/deliveries");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  /** Polls {@code condition} every 25 ms until it holds or {@code timeout} passes. */
  protected static void await(Duration timeout, BooleanSupplier condition, String what) {
    Awaitility.await(what)
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(25))
        .until(condition::getAsBoolean);
  }

  /** {@link #await(Duration, BooleanSupplier, String)} with a bound generous for a busy machine. */
  protected static void await(BooleanSupplier condition, String what) {
    await(Duration.ofMinutes(2), condition, what);
  }
}
