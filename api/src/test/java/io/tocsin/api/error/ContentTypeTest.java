package io.tocsin.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: a {@code multipart/form-data} body that is not multipart, or a wildcard content type,
 * answered 500 on POST/PUT endpoints. Every POST, PUT and PATCH route of the OpenAPI document now
 * answers a 4xx in the error contract to every bad content type.
 */
class ContentTypeTest extends ApiTest {

  private static final List<String> BAD_TYPES =
      List.of(
          "multipart/form-data",
          "multipart/form-data; boundary=xyz",
          "*/*",
          "application/*",
          "garbage",
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/json; charset=no-such-charset");

  @ParameterizedTest
  @ValueSource(
      strings = {"multipart/form-data", "multipart/form-data; boundary=xyz", "*/*", "garbage"})
  void badContentTypeOnJsonEndpointThen415Or400InContract(String type) {
    Response response = admin().send("POST", "/api/v1/policies", "{\"name\": \"x\"}", type);

    assertThat(response.status()).as(type + ": " + response).isIn(400, 415);
    assertThat(response.errorCode()).isIn("UNSUPPORTED_MEDIA_TYPE", "VALIDATION_ERROR");
    assertThat(response.text("request_id")).startsWith("req_");
  }

  @Test
  void everyWriteRouteOfTheOpenApiDocumentAnswersBadContentTypesWithout5xx() {
    // Throwaway admins: some routes act on the caller (logout, MFA) and end its session; then the
    // next request is sent again as a fresh admin.
    ApiClient caller = userWithRole(admin(), "admin").client();
    JsonNode paths = anonymous().get("/v3/api-docs").body().path("paths");
    List<String> failures = new ArrayList<>();
    int tried = 0;
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      String concrete = path.getKey().replaceAll("\\{[^}]+}", "x1");
      for (String method : List.of("post", "put", "patch")) {
        if (path.getValue().path(method).isMissingNode()) {
          continue;
        }
        for (String type : BAD_TYPES) {
          String verb = method.toUpperCase(Locale.ROOT);
          Response response = caller.send(verb, concrete, "{\"not\": \"multipart\"}", type);
          if (response.status() == 401) {
            caller = userWithRole(admin(), "admin").client();
            response = caller.send(verb, concrete, "{\"not\": \"multipart\"}", type);
          }
          tried++;
          boolean contract = response.body().path("error").has("code");
          if (response.status() >= 500 || (response.status() >= 400 && !contract)) {
            failures.add(method + " " + concrete + " [" + type + "] -> " + response);
          }
        }
      }
    }

    assertThat(tried).isGreaterThan(50);
    assertThat(failures).isEmpty();
  }
}
