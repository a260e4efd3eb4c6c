package io.tocsin.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every failure path answers {@code {"error": {code, message, details}, "request_id"}}. */
@ExtendWith(OutputCaptureExtension.class)
class ErrorContractTest extends ApiTest {

  @Test
  void unauthenticatedThen401InContract() {
    assertContract(anonymous().get("/api/v1/users"), 401, "AUTHENTICATION_ERROR");
  }

  @Test
  void missingRoleThen403InContract() {
    ApiClient viewer = userWithRole(admin(), "viewer").client();

    assertContract(viewer.get("/api/v1/users"), 403, "AUTHORIZATION_ERROR");
  }

  @Test
  void missingRoleWithInvalidBodyThen403NotValidation() {
    ApiClient viewer = userWithRole(admin(), "viewer").client();

    assertContract(viewer.post("/api/v1/users", Map.of()), 403, "AUTHORIZATION_ERROR");
  }

  @Test
  void unknownRouteThen404InContract() {
    assertContract(admin().get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
  }

  @Test
  void errorPathRequestedDirectlyThen404InContract() {
    assertContract(anonymous().get("/error"), 404, "NOT_FOUND");
  }

  @Test
  void unknownIdThen404InContract() {
    assertContract(admin().get("/api/v1/users/does-not-exist"), 404, "NOT_FOUND");
  }

  @Test
  void wrongMethodThen405InContract() {
    Response response = admin().delete("/api/v1/tenants");

    assertContract(response, 405, "METHOD_NOT_ALLOWED");
    assertThat(response.header("Allow")).contains("GET");
  }

  @Test
  void wrongContentTypeThen415InContract() {
    Response response = admin().send("POST", "/api/v1/users", "email=x", "text/plain");

    assertContract(response, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void malformedJsonThen400InContract() {
    Response response =
        admin().send("POST", "/api/v1/users", "{\"email\": \"a@b.c\",", "application/json");

    assertContract(response, 400, "VALIDATION_ERROR");
  }

  @Test
  void malformedJsonOnPublicEndpointThen400InContract() {
    Response response = anonymous().send("POST", "/api/v1/auth/login", "{nope", "application/json");

    assertContract(response, 400, "VALIDATION_ERROR");
  }

  @Test
  void oversizedBodyThen413InContract() {
    String big = "{\"username\": \"" + "a".repeat(70 * 1024) + "\", \"password\": \"x\"}";

    Response response = anonymous().send("POST", "/api/v1/auth/login", big, "application/json");

    assertContract(response, 413, "PAYLOAD_TOO_LARGE");
    assertThat(response.body().path("error").path("details").path("max_bytes").asLong())
        .isEqualTo(64 * 1024);
  }

  @Test
  void validationFailureThen400WithFieldDetails() {
    Response response =
        admin().post("/api/v1/users", Map.of("email", "not-an-email", "password", "short"));

    assertContract(response, 400, "VALIDATION_ERROR");
    var fields = response.body().path("error").path("details").path("fields");
    assertThat(fields.has("email")).isTrue();
    assertThat(fields.has("password")).isTrue();
  }

  @Test
  void unexpectedExceptionThen500WithoutInternalsAndLoggedWithRequestId(CapturedOutput output) {
    Response response = admin().get("/api/v1/test-only/boom");

    assertContract(response, 500, "INTERNAL_ERROR");
    assertThat(response.raw().body())
        .doesNotContain("hunter2")
        .doesNotContain("IllegalStateException")
        .doesNotContain("at io.tocsin");
    assertThat(output.getOut())
        .containsPattern("\\[" + response.text("request_id") + "\\].*Unexpected failure");
  }

  @Test
  void requestIdWhenClientSendsSaneOneThenEchoed() {
    Response response = anonymous().with("X-Request-ID", "trace-abc.123").get("/api/v1/users");

    assertThat(response.header("X-Request-ID")).isEqualTo("trace-abc.123");
    assertThat(response.text("request_id")).isEqualTo("trace-abc.123");
  }

  @Test
  void requestIdWhenClientSendsGarbageThenReplaced() {
    Response response =
        anonymous().with("X-Request-ID", "bad id with spaces <script>").get("/api/v1/users");

    assertThat(response.header("X-Request-ID")).startsWith("req_");
  }

  @Test
  void requestIdOnSuccessToo() {
    assertThat(anonymous().get("/api/v1/health").header("X-Request-ID")).startsWith("req_");
  }

  private static void assertContract(Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.errorCode()).isEqualTo(code);
    assertThat(response.body().path("error").path("message").asString()).isNotBlank();
    assertThat(response.body().path("error").path("details").isObject()).isTrue();
    String requestId = response.text("request_id");
    assertThat(requestId).isNotBlank();
    assertThat(response.header("X-Request-ID")).isEqualTo(requestId);
  }
}
