package io.tocsin.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Helpers of the OAuth end-to-end tests: register clients, ask the token endpoint. */
abstract class OAuthTest extends ApiTest {

  static final String REDIRECT = "http://127.0.0.1:18401/callback";

  /** A registered client: its id and (for confidential clients) its secret. */
  record Client(String id, String secret) {}

  Client register(ApiClient admin, Map<String, Object> body) {
    Response created = admin.post("/api/v1/oauth/clients", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Client(created.text("client_id"), created.text("client_secret"));
  }

  Client machineClient(ApiClient admin, String... scopes) {
    return register(
        admin,
        Map.of(
            "name", "SOAR " + UUID.randomUUID(),
            "grant_types", List.of("client_credentials"),
            "scopes", List.of(scopes)));
  }

  Client webClient(ApiClient admin, String... scopes) {
    return register(
        admin,
        Map.of(
            "name", "ITSM " + UUID.randomUUID(),
            "redirect_uris", List.of(REDIRECT),
            "grant_types", List.of("authorization_code"),
            "scopes", List.of(scopes)));
  }

  /** {@code POST path} with a form body and HTTP Basic client authentication. */
  Response tokenRequest(String path, Client client, Map<String, String> form) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (OAuthBrowser.encode(client.id()) + ":" + OAuthBrowser.encode(client.secret()))
                    .getBytes(StandardCharsets.UTF_8));
    return anonymous()
        .with("Authorization", "Basic " + basic)
        .send("POST", path, OAuthBrowser.form(form), "application/x-www-form-urlencoded");
  }

  String clientCredentialsToken(Client client, String scope) {
    Response token =
        tokenRequest(
            "/oauth/token", client, Map.of("grant_type", "client_credentials", "scope", scope));
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    assertThat(token.text("token_type")).isEqualTo("Bearer");
    return token.text("access_token");
  }

  /** A new tenant with its own admin. */
  TestUser adminOfNewTenant() {
    String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = admin().post("/api/v1/tenants", Map.of("name", "Tenant", "id", tenant));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return userWithRole(admin().with("X-Tenant-ID", tenant), "admin");
  }

  String alert(ApiClient client, String title) {
    Response created = client.post("/api/v1/alerts", Map.of("title", title, "severity", "low"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("id");
  }
}
