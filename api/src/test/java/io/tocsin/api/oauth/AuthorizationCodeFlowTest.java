package io.tocsin.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import io.tocsin.api.oauth.OAuthBrowser.Pkce;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authorization-code flow with PKCE over real HTTP: a browser keeping cookies signs in on the
 * login form, the client exchanges the code with its verifier and calls the API as the user.
 */
class AuthorizationCodeFlowTest extends OAuthTest {

  private String authorizeUrl(
      String base, Client client, String redirect, String scope, Pkce pkce) {
    return base
        + "?"
        + OAuthBrowser.form(
            Map.of(
                "response_type",
                "code",
                "client_id",
                client.id(),
                "redirect_uri",
                redirect,
                "scope",
                scope,
                "state",
                "state-123",
                "code_challenge",
                pkce.challenge(),
                "code_challenge_method",
                "S256"));
  }

  private String code(Client client, TestUser user, String scope, Pkce pkce) {
    URI back =
        new OAuthBrowser("http://localhost:" + port)
            .authorize(
                authorizeUrl("/oauth/authorize", client, REDIRECT, scope, pkce),
                user.username(),
                PASSWORD);
    assertThat(back.toString()).startsWith(REDIRECT + "?");
    Map<String, String> params = OAuthBrowser.query(back);
    assertThat(params).containsEntry("state", "state-123").containsKey("code");
    return params.get("code");
  }

  private Response exchange(Client client, String code, String redirect, String verifier) {
    return tokenRequest(
        "/oauth/token",
        client,
        Map.of(
            "grant_type", "authorization_code",
            "code", code,
            "redirect_uri", redirect,
            "code_verifier", verifier));
  }

  @Test
  void codeWithVerifierThenTokenActsAsTheUser() {
    TestUser analyst = userWithRole(admin(), "analyst");
    Client client = webClient(admin(), "read", "write");
    Pkce pkce = Pkce.random();

    String code = code(client, analyst, "read write", pkce);
    Response token = exchange(client, code, REDIRECT, pkce.verifier());

    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    assertThat(token.body().has("refresh_token")).isFalse();
    Response replay = exchange(client, code, REDIRECT, pkce.verifier());
    assertThat(replay.status()).as("a code works once").isEqualTo(400);
    assertThat(replay.text("error")).isEqualTo("invalid_grant");
    ApiClient app = anonymous().bearer(token.text("access_token"));
    Response me = app.get("/api/v1/users/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.text("id")).isEqualTo(analyst.id());
    assertThat(alert(app, "raised through OAuth")).isNotBlank();
  }

  @Test
  void readScopeCapsAnAdminAtViewer() {
    TestUser admin = userWithRole(admin(), "admin");
    Client client = webClient(admin(), "read");
    Pkce pkce = Pkce.random();

    ApiClient app =
        anonymous()
            .bearer(
                exchange(client, code(client, admin, "read", pkce), REDIRECT, pkce.verifier())
                    .text("access_token"));

    assertThat(app.get("/api/v1/alerts").status()).isEqualTo(200);
    assertThat(app.post("/api/v1/alerts", Map.of("title", "x")).status()).isEqualTo(403);
    assertThat(app.get("/api/v1/users").status()).isEqualTo(403);
  }

  @Test
  void writeScopeNeverRaisesAViewer() {
    TestUser viewer = userWithRole(admin(), "viewer");
    Client client = webClient(admin(), "read", "write");
    Pkce pkce = Pkce.random();

    ApiClient app =
        anonymous()
            .bearer(
                exchange(
                        client, code(client, viewer, "read write", pkce), REDIRECT, pkce.verifier())
                    .text("access_token"));

    assertThat(app.get("/api/v1/alerts").status()).isEqualTo(200);
    assertThat(app.post("/api/v1/alerts", Map.of("title", "x")).status()).isEqualTo(403);
  }

  @Test
  void verifierWrongThenInvalidGrant() {
    TestUser analyst = userWithRole(admin(), "analyst");
    Client client = webClient(admin(), "read");
    Pkce pkce = Pkce.random();
    String code = code(client, analyst, "read", pkce);

    Response token = exchange(client, code, REDIRECT, Pkce.random().verifier());

    assertThat(token.status()).isEqualTo(400);
    assertThat(token.text("error")).isEqualTo("invalid_grant");
  }

  @Test
  void redirectUriWrongAtTokenEndpointThenInvalidGrant() {
    TestUser analyst = userWithRole(admin(), "analyst");
    Client client = webClient(admin(), "read");
    Pkce pkce = Pkce.random();

    Response token =
        exchange(
            client,
            code(client, analyst, "read", pkce),
            "http://127.0.0.1:18401/other",
            pkce.verifier());

    assertThat(token.status()).isEqualTo(400);
    assertThat(token.text("error")).isEqualTo("invalid_grant");
  }

  @Test
  void redirectUriNotRegisteredThen400AndNoRedirect() {
    Client client = webClient(admin(), "read");

    HttpResponse<String> response =
        new OAuthBrowser("http://localhost:" + port)
            .get(
                authorizeUrl(
                    "/oauth/authorize",
                    client,
                    "http://127.0.0.1:18401/attacker",
                    "read",
                    Pkce.random()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void withoutPkceThenRefused() {
    Client client = webClient(admin(), "read");
    String url =
        "/oauth/authorize?"
            + OAuthBrowser.form(
                Map.of(
                    "response_type", "code",
                    "client_id", client.id(),
                    "redirect_uri", REDIRECT,
                    "scope", "read",
                    "state", "s"));

    HttpResponse<String> response = new OAuthBrowser("http://localhost:" + port).get(url);

    assertThat(response.statusCode()).isEqualTo(302);
    URI back = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(back.toString()).startsWith(REDIRECT);
    assertThat(OAuthBrowser.query(back))
        .containsEntry("error", "invalid_request")
        .doesNotContainKey("code");
  }

  @Test
  void userOfAnotherTenantThenAccessDenied() {
    TestUser outsider = adminOfNewTenant();
    Client client = webClient(admin(), "read");
    Pkce pkce = Pkce.random();

    URI back =
        new OAuthBrowser("http://localhost:" + port)
            .authorize(
                authorizeUrl("/oauth/authorize", client, REDIRECT, "read", pkce),
                outsider.username(),
                PASSWORD);

    assertThat(OAuthBrowser.query(back))
        .containsEntry("error", "access_denied")
        .doesNotContainKey("code");
  }

  @Test
  void passwordWrongThenBackToTheFormWithTheReason() {
    Client client = webClient(admin(), "read");
    OAuthBrowser browser = new OAuthBrowser("http://localhost:" + port);
    browser.get(authorizeUrl("/oauth/authorize", client, REDIRECT, "read", Pkce.random()));
    String page = browser.get("/oauth/login").body();
    String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

    HttpResponse<String> failed =
        browser.postForm(
            "/oauth/login", Map.of("username", "admin", "password", "wrong-one", "_csrf", csrf));

    assertThat(failed.statusCode()).isEqualTo(302);
    assertThat(failed.headers().firstValue("Location").orElseThrow())
        .endsWith("/oauth/login?error");
    assertThat(browser.get("/oauth/login?error").body()).contains("Invalid username or password");
  }

  @Test
  void loginFormWithoutCsrfTokenThenRefused() {
    HttpResponse<String> response =
        new OAuthBrowser("http://localhost:" + port)
            .postForm("/oauth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void authorizeUnderApiBaseWorksToo() {
    TestUser analyst = userWithRole(admin(), "analyst");
    Client client = webClient(admin(), "read");
    Pkce pkce = Pkce.random();

    URI back =
        new OAuthBrowser("http://localhost:" + port)
            .authorize(
                authorizeUrl("/api/v1/oauth/authorize", client, REDIRECT, "read", pkce),
                analyst.username(),
                PASSWORD);
    Response token =
        tokenRequest(
            "/api/v1/oauth/token",
            client,
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                OAuthBrowser.query(back).get("code"),
                "redirect_uri",
                REDIRECT,
                "code_verifier",
                pkce.verifier()));

    assertThat(token.status()).as(token.toString()).isEqualTo(200);
  }

  @Test
  void userDeactivatedThenTheirOAuthTokenRefused() {
    TestUser analyst = userWithRole(admin(), "analyst");
    Client client = webClient(admin(), "read");
    Pkce pkce = Pkce.random();
    ApiClient app =
        anonymous()
            .bearer(
                exchange(client, code(client, analyst, "read", pkce), REDIRECT, pkce.verifier())
                    .text("access_token"));
    assertThat(app.get("/api/v1/alerts").status()).isEqualTo(200);

    assertThat(admin().put("/api/v1/users/" + analyst.id(), Map.of("active", false)).status())
        .isEqualTo(200);

    assertThat(app.get("/api/v1/alerts").status()).isEqualTo(401);
  }

  @Test
  void mfaUserWhenCodeMissingThenAskedAndWithCodeSignedIn() throws CodeGenerationException {
    TestUser user = userWithRole(admin(), "analyst");
    long step = Instant.now().getEpochSecond() / 30;
    Response enrol = user.client().post("/api/v1/auth/mfa/enroll", null);
    String secret = enrol.text("secret");
    DefaultCodeGenerator codes = new DefaultCodeGenerator();
    assertThat(
            user.client()
                .post("/api/v1/auth/mfa/confirm", Map.of("code", codes.generate(secret, step)))
                .status())
        .isEqualTo(200);
    Client client = webClient(admin(), "read");
    Pkce pkce = Pkce.random();
    String url = authorizeUrl("/oauth/authorize", client, REDIRECT, "read", pkce);

    OAuthBrowser withoutCode = new OAuthBrowser("http://localhost:" + port);
    withoutCode.get(url);
    String csrf =
        withoutCode
            .get("/oauth/login")
            .body()
            .replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    withoutCode.postForm(
        "/oauth/login", Map.of("username", user.username(), "password", PASSWORD, "_csrf", csrf));
    assertThat(withoutCode.get("/oauth/login?error").body()).contains("MFA code required");

    URI back =
        new OAuthBrowser("http://localhost:" + port)
            .authorize(
                url,
                Map.of(
                    "username",
                    user.username(),
                    "password",
                    PASSWORD,
                    "mfa_code",
                    codes.generate(secret, step + 1)));
    Response token =
        exchange(client, OAuthBrowser.query(back).get("code"), REDIRECT, pkce.verifier());
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
  }

  @Test
  void loopbackRedirectWhenPortDiffersThenAccepted() {
    TestUser analyst = userWithRole(admin(), "analyst");
    Client client = webClient(admin(), "read");
    Pkce pkce = Pkce.random();
    String otherPort = "http://127.0.0.1:18402/callback";

    URI back =
        new OAuthBrowser("http://localhost:" + port)
            .authorize(
                authorizeUrl("/oauth/authorize", client, otherPort, "read", pkce),
                analyst.username(),
                PASSWORD);

    assertThat(back.toString()).startsWith(otherPort + "?");
    Response token =
        exchange(client, OAuthBrowser.query(back).get("code"), otherPort, pkce.verifier());
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
  }

  @Test
  void scopeOmittedAtAuthorizationThenInvalidScope() {
    Client client = webClient(admin(), "read");
    String url =
        "/oauth/authorize?"
            + OAuthBrowser.form(
                Map.of(
                    "response_type",
                    "code",
                    "client_id",
                    client.id(),
                    "redirect_uri",
                    REDIRECT,
                    "code_challenge",
                    Pkce.random().challenge(),
                    "code_challenge_method",
                    "S256"));

    HttpResponse<String> response = new OAuthBrowser("http://localhost:" + port).get(url);

    assertThat(response.statusCode()).isEqualTo(302);
    URI back = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(OAuthBrowser.query(back)).containsEntry("error", "invalid_scope");
  }
}
