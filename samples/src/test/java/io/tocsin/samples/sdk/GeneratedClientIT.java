package io.tocsin.samples.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.client.ApiClient;
import io.tocsin.client.ApiException;
import io.tocsin.client.api.AlertsApi;
import io.tocsin.client.api.ApiKeysApi;
import io.tocsin.client.api.AuthApi;
import io.tocsin.client.api.EventsApi;
import io.tocsin.client.api.PoliciesApi;
import io.tocsin.client.api.UsersApi;
import io.tocsin.client.model.AlertPage;
import io.tocsin.client.model.AlertUpdateRequest;
import io.tocsin.client.model.AlertView;
import io.tocsin.client.model.CreateApiKeyRequest;
import io.tocsin.client.model.CreateUserRequest;
import io.tocsin.client.model.ErrorBody;
import io.tocsin.client.model.IngestSummary;
import io.tocsin.client.model.LoginRequest;
import io.tocsin.client.model.PolicyRule;
import io.tocsin.client.model.PolicySource;
import io.tocsin.client.model.PolicyView;
import io.tocsin.samples.support.PackagedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Java client generated from docs/openapi.json (module {@code client}) against the packaged
 * server: a detection engineer's and an analyst's round trip through typed models only. The
 * client's mapper fails on unknown properties, so a response field the document does not describe
 * fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientIT {

  private static final String ADMIN_PASSWORD = "sdk-admin-password-1";
  private static final String PROBE =
      "sdk-e2e-probe-" + UUID.randomUUID().toString().substring(0, 8);

  private PackagedServer server;

  @BeforeAll
  void start() throws Exception {
    Path dir = Files.createTempDirectory("tocsin-sdk-it");
    server = PackagedServer.start(dir, ADMIN_PASSWORD, Map.of());
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void detectionRoundTripThroughTypedModels() throws Exception {
    ApiClient admin = client(login("admin", ADMIN_PASSWORD));

    PolicyView created =
        new PoliciesApi(admin)
            .createPolicy(
                new PolicySource()
                    .id("sdk-probe")
                    .name("SDK probe process")
                    .rules(
                        List.of(
                            new PolicyRule()
                                .id("r1")
                                .condition("process.name == \"" + PROBE + "\"")
                                .severity("high")
                                .action("alert"))));
    assertThat(created.getId()).isEqualTo("sdk-probe");
    assertThat(created.getVersion()).isEqualTo(1);
    assertThat(created.getRules()).extracting(PolicyRule::getCondition).hasSize(1);

    String key =
        new ApiKeysApi(admin).createApiKey(new CreateApiKeyRequest().name("sdk-agent")).getKey();
    ApiClient agent = unauthenticated();
    agent.setRequestInterceptor(request -> request.header("X-API-Key", key));
    EventsApi events = new EventsApi(agent);

    // The engine reloads in the background after a policy write: send until it matches.
    AtomicInteger sent = new AtomicInteger();
    AlertsApi alerts = new AlertsApi(admin);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              IngestSummary summary = events.ingestEvents(event(sent.incrementAndGet()));
              assertThat(summary.getStored()).isEqualTo(1);
              return page(alerts).getTotal() > 0;
            });

    AlertPage page = page(alerts);
    AlertView alert = page.getAlerts().get(0);
    assertThat(alert.getPolicyId()).isEqualTo("sdk-probe");
    assertThat(alert.getSeverity()).isEqualTo("high");
    assertThat(alert.getHostId()).isEqualTo("sdk-host");
    assertThat(page.getLimit()).isEqualTo(10);
    assertThat(page.getData()).extracting(AlertView::getId).contains(alert.getId());

    AlertView acknowledged =
        alerts.updateAlert(alert.getId(), new AlertUpdateRequest().status("acknowledged"));
    assertThat(acknowledged.getStatus()).isEqualTo("acknowledged");
    assertThat(alerts.getAlert(alert.getId()).getStatus()).isEqualTo("acknowledged");
  }

  @Test
  void errorsArriveAsTheDocumentedErrorBody() throws Exception {
    ApiClient admin = client(login("admin", ADMIN_PASSWORD));
    PoliciesApi policies = new PoliciesApi(admin);
    PolicySource typo =
        new PolicySource()
            .name("typo")
            .rules(List.of(new PolicyRule().condition("process.nme == \"x\"").action("alert")));

    ApiException invalid = catchApi(() -> policies.validatePolicy(typo));
    assertThat(invalid.getCode()).isEqualTo(400);
    ErrorBody body = strictMapper().readValue(invalid.getResponseBody(), ErrorBody.class);
    assertThat(body.getError().getCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(body.getError().getMessage()).contains("process.nme");
    assertThat(body.getRequestId()).startsWith("req_");

    new UsersApi(admin)
        .createUser(
            new CreateUserRequest()
                .username("sdk-viewer")
                .email("sdk-viewer@example.com")
                .password("viewer-password-1")
                .role(CreateUserRequest.RoleEnum.VIEWER));
    PoliciesApi asViewer = new PoliciesApi(client(login("sdk-viewer", "viewer-password-1")));
    ApiException forbidden = catchApi(() -> asViewer.createPolicy(typo.id("viewer-policy")));
    assertThat(forbidden.getCode()).isEqualTo(403);
    assertThat(strictMapper().readValue(forbidden.getResponseBody(), ErrorBody.class))
        .extracting(e -> e.getError().getCode())
        .isEqualTo("AUTHORIZATION_ERROR");

    ApiException anonymous = catchApi(() -> new AlertsApi(unauthenticated()).getAlert("nope"));
    assertThat(anonymous.getCode()).isEqualTo(401);
  }

  private static AlertPage page(AlertsApi alerts) throws ApiException {
    return alerts.listAlerts(
        null, null, null, null, "sdk-probe", null, null, null, null, null, 10, null, null);
  }

  private static Map<String, Object> event(int n) {
    return Map.of(
        "id",
        "sdk-" + PROBE + "-" + n,
        "host_id",
        "sdk-host",
        "event",
        Map.of("type", "process"),
        "process",
        Map.of("name", PROBE, "pid", 4000 + n));
  }

  private String login(String username, String password) throws ApiException {
    return new AuthApi(unauthenticated())
        .login(new LoginRequest().username(username).password(password), null)
        .getToken();
  }

  private ApiClient client(String token) {
    ApiClient client = unauthenticated();
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    return client;
  }

  private ApiClient unauthenticated() {
    ApiClient client = new ApiClient();
    client.updateBaseUri(server.base());
    client.setObjectMapper(strictMapper());
    client.setReadTimeout(Duration.ofSeconds(60));
    return client;
  }

  /** The client's own mapper, but an undocumented response field is an error, not ignored. */
  private static ObjectMapper strictMapper() {
    return ApiClient.createDefaultObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  }

  private static ApiException catchApi(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("the call should have failed").isInstanceOf(ApiException.class);
    return (ApiException) thrown;
  }
}
