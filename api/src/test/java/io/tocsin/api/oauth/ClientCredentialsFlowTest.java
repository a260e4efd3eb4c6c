package io.tocsin.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client credentials over real HTTP: the token acts as a service principal of its tenant. */
class ClientCredentialsFlowTest extends OAuthTest {

  @Test
  void readTokenWhenListingAlertsThen200AndWhenWritingThen403() {
    String alertId = alert(admin(), "seen by the integration");
    Client client = machineClient(admin(), "read");
    ApiClient integration = anonymous().bearer(clientCredentialsToken(client, "read"));

    Response list = integration.get("/api/v1/alerts?limit=1000");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.body().path("alerts").findValuesAsString("id")).contains(alertId);
    assertThat(integration.get("/api/v1/alerts/" + alertId).status()).isEqualTo(200);

    Response write = integration.post("/api/v1/alerts", Map.of("title", "nope"));
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.errorCode()).isEqualTo("AUTHORIZATION_ERROR");
  }

  @Test
  void writeTokenWhenCreatingAlertThen201ButNotAdministration() {
    Client client = machineClient(admin(), "read", "write");
    ApiClient integration = anonymous().bearer(clientCredentialsToken(client, "read write"));

    assertThat(alert(integration, "raised by the integration")).isNotBlank();
    assertThat(integration.get("/api/v1/users").status()).isEqualTo(403);
    assertThat(integration.post("/api/v1/api-keys", Map.of("name", "x")).status()).isEqualTo(403);
  }

  @Test
  void readOnlyClientWhenAskingForWriteThenInvalidScope() {
    Client client = machineClient(admin(), "read");

    Response token =
        tokenRequest(
            "/oauth/token", client, Map.of("grant_type", "client_credentials", "scope", "write"));

    assertThat(token.status()).isEqualTo(400);
    assertThat(token.text("error")).isEqualTo("invalid_scope");
  }

  @Test
  void tokenOfOtherTenantWhenReadingThenOnlyItsOwnData() {
    String alertInDefault = alert(admin(), "tenant default only");
    TestUser adminB = adminOfNewTenant();
    String alertInB = alert(adminB.client(), "tenant B only");
    ApiClient integrationB =
        anonymous().bearer(clientCredentialsToken(machineClient(adminB.client(), "read"), "read"));

    Response list = integrationB.get("/api/v1/alerts?limit=1000");
    assertThat(list.body().path("alerts").findValuesAsString("id"))
        .contains(alertInB)
        .doesNotContain(alertInDefault);
    assertThat(integrationB.get("/api/v1/alerts/" + alertInDefault).status()).isEqualTo(404);
    Response other = integrationB.with("X-Tenant-ID", "default").get("/api/v1/alerts");
    assertThat(other.status()).isEqualTo(403);
  }

  @Test
  void secretWrongThenInvalidClient() {
    Client client = machineClient(admin(), "read");

    Response token =
        tokenRequest(
            "/oauth/token",
            new Client(client.id(), client.secret() + "x"),
            Map.of("grant_type", "client_credentials", "scope", "read"));

    assertThat(token.status()).isEqualTo(401);
    assertThat(token.text("error")).isEqualTo("invalid_client");
  }

  @Test
  void clientDeletedThenItsTokenRefusedAndNoNewToken() {
    Client client = machineClient(admin(), "read");
    ApiClient integration = anonymous().bearer(clientCredentialsToken(client, "read"));
    assertThat(integration.get("/api/v1/alerts").status()).isEqualTo(200);

    assertThat(admin().delete("/api/v1/oauth/clients/" + client.id()).status()).isEqualTo(204);

    Response refused = integration.get("/api/v1/alerts");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
    Response again =
        tokenRequest(
            "/oauth/token", client, Map.of("grant_type", "client_credentials", "scope", "read"));
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.text("error")).isEqualTo("invalid_client");
  }

  @Test
  void tokenEndpointUnderApiBaseWorksToo() {
    Client client = machineClient(admin(), "read");

    Response token =
        tokenRequest(
            "/api/v1/oauth/token",
            client,
            Map.of("grant_type", "client_credentials", "scope", "read"));

    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    assertThat(anonymous().bearer(token.text("access_token")).get("/api/v1/alerts").status())
        .isEqualTo(200);
  }

  @Test
  void loginTokensKeepWorkingNextToOAuthTokens() {
    assertThat(admin().get("/api/v1/users/me").status()).isEqualTo(200);
    assertThat(anonymous().bearer("not-a-jwt").get("/api/v1/alerts").status()).isEqualTo(401);
  }

  /** requests_oauthlib 1.3 (Debian's) sends no scope with client credentials. */
  @Test
  void scopeOmittedThenTheClientsRegisteredScopes() {
    Client client = machineClient(admin(), "read", "write");

    Response token =
        tokenRequest("/oauth/token", client, Map.of("grant_type", "client_credentials"));

    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    assertThat(token.text("scope").split(" ")).containsExactlyInAnyOrder("read", "write");
    assertThat(alert(anonymous().bearer(token.text("access_token")), "default scopes"))
        .isNotBlank();
  }

  @Test
  void tokenRequestWithoutClientCredentialsThenInvalidClient() {
    Response token =
        anonymous()
            .send(
                "POST",
                "/oauth/token",
                "grant_type=client_credentials",
                "application/x-www-form-urlencoded");

    assertThat(token.status()).isEqualTo(401);
    assertThat(token.text("error")).isEqualTo("invalid_client");
  }

  @Test
  void tokenSignedWithAnotherKeyThen401() throws Exception {
    SignedJWT real =
        SignedJWT.parse(clientCredentialsToken(machineClient(admin(), "write"), "write"));
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(real.getHeader().getKeyID()).build(),
            real.getJWTClaimsSet());
    forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

    Response refused = anonymous().bearer(forged.serialize()).get("/api/v1/alerts");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
  }
}
