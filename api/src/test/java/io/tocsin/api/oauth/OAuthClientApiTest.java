package io.tocsin.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.oauth.OAuthBrowser.Pkce;
import io.tocsin.api.support.ApiClient.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code /api/v1/oauth/clients} and the authorization server's discovery documents. */
class OAuthClientApiTest extends OAuthTest {

  @Autowired MongoTemplate mongo;

  @Test
  void registerThenSecretShownOnceAndStoredHashed() {
    Response created =
        admin()
            .post(
                "/api/v1/oauth/clients",
                Map.of("name", "ServiceNow", "redirect_uris", List.of(REDIRECT)));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("client_id");
    String secret = created.text("client_secret");
    assertThat(id).startsWith("tcl_").isEqualTo(created.text("id"));
    assertThat(secret).startsWith("tcs_");
    assertThat(created.body().path("grant_types").get(0).asString())
        .isEqualTo("authorization_code");
    assertThat(created.body().path("scopes").get(0).asString()).isEqualTo("read");
    assertThat(created.text("tenant_id")).isEqualTo("default");

    Response fetched = admin().get("/api/v1/oauth/clients/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.body().has("client_secret")).isFalse();
    assertThat(fetched.body().path("redirect_uris").get(0).asString()).isEqualTo(REDIRECT);
    assertThat(admin().get("/api/v1/oauth/clients").body().path("clients").findValuesAsString("id"))
        .contains(id);
    OAuthClient stored = mongo.findById(id, OAuthClient.class);
    assertThat(stored.secretHash()).startsWith("{bcrypt}").doesNotContain(secret);
  }

  @Test
  void registerWhenInputBadThen400() {
    assertInvalid(Map.of("name", "x", "redirect_uris", List.of("http://localhost:3000/cb")));
    assertInvalid(Map.of("name", "x", "redirect_uris", List.of("http://10.0.0.5/cb")));
    assertInvalid(Map.of("name", "x", "redirect_uris", List.of("https://app.example.com/cb#f")));
    assertInvalid(Map.of("name", "x", "redirect_uris", List.of("not a uri")));
    assertInvalid(Map.of("name", "x", "scopes", List.of("admin")));
    assertInvalid(Map.of("name", "x", "grant_types", List.of("password")));
    assertInvalid(Map.of("name", "x", "grant_types", List.of("authorization_code")));
    assertInvalid(
        Map.of("name", "x", "public", true, "grant_types", List.of("client_credentials")));
    assertInvalid(Map.of("redirect_uris", List.of(REDIRECT)));
  }

  private void assertInvalid(Map<String, Object> body) {
    Response response = admin().post("/api/v1/oauth/clients", body);
    assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
  }

  @Test
  void clientsApiWhenNotAdminThen403() {
    TestUser engineer = userWithRole(admin(), "detection_engineer");
    Client client = machineClient(admin(), "read", "write");

    assertThat(engineer.client().get("/api/v1/oauth/clients").status()).isEqualTo(403);
    assertThat(engineer.client().post("/api/v1/oauth/clients", Map.of("name", "x")).status())
        .isEqualTo(403);
    String token = clientCredentialsToken(client, "read write");
    assertThat(anonymous().bearer(token).get("/api/v1/oauth/clients").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/v1/oauth/clients").status()).isEqualTo(401);
  }

  @Test
  void clientOfOtherTenantThenInvisibleAndNotDeletable() {
    TestUser adminB = adminOfNewTenant();
    Client theirs = machineClient(adminB.client(), "read");

    assertThat(admin().get("/api/v1/oauth/clients").body().path("clients").findValuesAsString("id"))
        .doesNotContain(theirs.id());
    assertThat(admin().get("/api/v1/oauth/clients/" + theirs.id()).status()).isEqualTo(404);
    assertThat(admin().delete("/api/v1/oauth/clients/" + theirs.id()).status()).isEqualTo(404);
    assertThat(adminB.client().get("/api/v1/oauth/clients/" + theirs.id()).status()).isEqualTo(200);
  }

  @Test
  void publicClientWithPkceGetsATokenWithoutSecret() {
    Response created =
        admin()
            .post(
                "/api/v1/oauth/clients",
                Map.of("name", "CLI", "public", true, "redirect_uris", List.of(REDIRECT)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body().has("client_secret")).isFalse();
    String clientId = created.text("client_id");
    TestUser analyst = userWithRole(admin(), "analyst");
    Pkce pkce = Pkce.random();
    String query =
        OAuthBrowser.form(
            Map.of(
                "response_type",
                "code",
                "client_id",
                clientId,
                "redirect_uri",
                REDIRECT,
                "scope",
                "read",
                "code_challenge",
                pkce.challenge(),
                "code_challenge_method",
                "S256"));

    URI back =
        new OAuthBrowser("http://localhost:" + port)
            .authorize("/oauth/authorize?" + query, analyst.username(), PASSWORD);
    Response token =
        anonymous()
            .send(
                "POST",
                "/oauth/token",
                OAuthBrowser.form(
                    Map.of(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        clientId,
                        "code",
                        OAuthBrowser.query(back).get("code"),
                        "redirect_uri",
                        REDIRECT,
                        "code_verifier",
                        pkce.verifier())),
                "application/x-www-form-urlencoded");

    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    assertThat(anonymous().bearer(token.text("access_token")).get("/api/v1/alerts").status())
        .isEqualTo(200);
  }

  @Test
  void metadataAndJwksArePublished() {
    Response metadata = anonymous().get("/.well-known/oauth-authorization-server");

    assertThat(metadata.status()).isEqualTo(200);
    String issuer = metadata.text("issuer");
    assertThat(metadata.text("authorization_endpoint")).isEqualTo(issuer + "/oauth/authorize");
    assertThat(metadata.text("token_endpoint")).isEqualTo(issuer + "/oauth/token");
    assertThat(metadata.body().path("code_challenge_methods_supported").toString())
        .contains("S256");
    Response jwks = anonymous().get("/oauth/jwks");
    assertThat(jwks.status()).isEqualTo(200);
    assertThat(jwks.body().path("keys").get(0).path("kty").asString()).isEqualTo("RSA");
    assertThat(jwks.body().path("keys").get(0).has("d")).as("no private part").isFalse();
  }
}
