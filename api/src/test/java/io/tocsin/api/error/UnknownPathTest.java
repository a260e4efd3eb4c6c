package io.tocsin.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 19: unknown paths answered 401 to anonymous callers and 403 to API keys. They are 404 in
 * the error contract for everyone; paths that exist keep answering 401 anonymously.
 */
class UnknownPathTest extends ApiTest {

  @ParameterizedTest
  @CsvSource({
    "anonymous, GET, /api/v1/no-such-thing",
    "anonymous, POST, /api/v1/no-such-thing",
    "anonymous, GET, /api/v1/users/me/nested/deeper",
    "anonymous, GET, /nope",
    "anonymous, GET, /actuator/nope",
    "user, GET, /api/v1/no-such-thing",
    "user, DELETE, /api/v1/no-such-thing/1",
    "user, GET, /nope",
    "agent, GET, /api/v1/no-such-thing",
    "agent, POST, /api/v1/no-such-thing",
    "agent, GET, /nope"
  })
  void unknownPathThen404InContract(String caller, String method, String path) {
    Response response = client(caller).send(method, path, "{}", "application/json");

    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(response.text("request_id")).startsWith("req_");
  }

  @ParameterizedTest
  @CsvSource({
    "anonymous, GET, /api/v1/users, 401",
    "anonymous, GET, /api/v1/users/some-id, 401",
    "anonymous, DELETE, /api/v1/policies/some-id, 401",
    "anonymous, PATCH, /api/v1/users, 401",
    "agent, GET, /api/v1/users, 403",
    "user, PATCH, /api/v1/users, 405"
  })
  void realEndpointsKeepTheirAnswers(String caller, String method, String path, int status) {
    Response response = client(caller).send(method, path, "{}", "application/json");

    assertThat(response.status()).as(response.toString()).isEqualTo(status);
  }

  private ApiClient client(String caller) {
    return switch (caller) {
      case "anonymous" -> anonymous();
      case "user" -> admin();
      case "agent" ->
          anonymous()
              .with(
                  "X-API-Key",
                  admin().post("/api/v1/api-keys", Map.of("name", "unknown-paths")).text("key"));
      default -> throw new IllegalArgumentException(caller);
    };
  }
}
