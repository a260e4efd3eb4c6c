package io.tocsin.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the auth, user, tenant, API key, OAuth client and webhook endpoints really send is what
 * {@code /v3/api-docs} says: every key written is a property of the documented response schema
 * (unwrapped page fields and users included) with the documented JSON type, for each status
 * answered. A record that the document describes differently from its JSON fails here.
 */
class AccountResponsesDocumentedTest extends ApiTest {

  private JsonNode document;
  private final List<String> problems = new ArrayList<>();

  @BeforeEach
  void readDocument() {
    document = anonymous().get("/v3/api-docs").body();
  }

  @Test
  void authAndUserResponsesAreTheDocumentedOnes() {
    ApiClient admin = admin();
    Map<String, Object> credentials = Map.of("username", "admin", "password", ADMIN_PASSWORD);
    Response login = anonymous().post("/api/v1/auth/login", credentials);
    check("post", "/api/v1/auth/login", login);
    check(
        "post",
        "/api/v1/auth/login",
        anonymous().post("/api/v1/auth/login", Map.of("username", "admin", "password", "wrong!")));
    check(
        "post",
        "/api/v1/auth/refresh",
        anonymous()
            .post("/api/v1/auth/refresh", Map.of("refresh_token", login.text("refresh_token"))));
    Response created = admin.post("/api/v1/users", Map.of("email", "documented@example.com"));
    check("post", "/api/v1/users", created);
    check(
        "post",
        "/api/v1/users",
        admin.post("/api/v1/users", Map.of("email", "documented@example.com")));
    check("get", "/api/v1/users", admin.get("/api/v1/users?limit=2"));
    check("get", "/api/v1/users/{id}", admin.get("/api/v1/users/" + created.text("id")));
    check("get", "/api/v1/users/me", admin.get("/api/v1/users/me"));
    check(
        "put",
        "/api/v1/users/{id}",
        admin.put("/api/v1/users/" + created.text("id"), Map.of("name", "Documented")));
    check(
        "post",
        "/api/v1/auth/mfa/enroll",
        userWithRole(admin, "viewer").client().post("/api/v1/auth/mfa/enroll", Map.of()));

    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void tenantKeyAndClientResponsesAreTheDocumentedOnes() {
    ApiClient admin = admin();
    check("get", "/api/v1/tenants", admin.get("/api/v1/tenants"));
    check("get", "/api/v1/tenants/{id}", admin.get("/api/v1/tenants/default"));
    Map<String, Object> tenant =
        Map.of(
            "name",
            "Documented",
            "admin_email",
            "first@example.com",
            "settings",
            Map.of("max_agents", 3));
    check("post", "/api/v1/tenants", admin.post("/api/v1/tenants", tenant));
    check("post", "/api/v1/tenants", admin.post("/api/v1/tenants", tenant));
    check(
        "post",
        "/api/v1/api-keys",
        admin.post("/api/v1/api-keys", Map.of("name", "documented", "host_id", "doc-host")));
    check("get", "/api/v1/api-keys", admin.get("/api/v1/api-keys"));
    Response client =
        admin.post(
            "/api/v1/oauth/clients",
            Map.of("name", "documented", "grant_types", List.of("client_credentials")));
    check("post", "/api/v1/oauth/clients", client);
    check("get", "/api/v1/oauth/clients", admin.get("/api/v1/oauth/clients"));
    check(
        "get",
        "/api/v1/oauth/clients/{id}",
        admin.get("/api/v1/oauth/clients/" + client.text("id")));

    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  /** Disabled and deleted at the end: nothing is ever sent to its (public, unused) address. */
  @Test
  void webhookResponsesAreTheDocumentedOnes() {
    ApiClient admin = admin();
    Response hook =
        admin.post(
            "/api/v1/webhooks",
            Map.of(
                "url",
                "https://192.0.2.10/documented",
                "enabled",
                false,
                "parameters",
                Map.of("note", "documented")));
    String id = hook.text("id");
    try {
      check("post", "/api/v1/webhooks", hook);
      check("get", "/api/v1/webhooks", admin.get("/api/v1/webhooks"));
      check("get", "/api/v1/webhooks/{id}", admin.get("/api/v1/webhooks/" + id));
      check(
          "put",
          "/api/v1/webhooks/{id}",
          admin.put("/api/v1/webhooks/" + id, Map.of("min_severity", "high")));
      check(
          "get",
          "/api/v1/webhooks/{id}/deliveries",
          admin.get("/api/v1/webhooks/" + id + "/deliveries"));
      check(
          "get",
          "/api/v1/webhooks/{id}/deliveries/{deliveryId}",
          admin.get("/api/v1/webhooks/" + id + "/deliveries/dlv_none"));
    } finally {
      admin.delete("/api/v1/webhooks/" + id);
    }

    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  private void check(String method, String path, Response response) {
    String where = method.toUpperCase() + " " + path + " " + response.status();
    JsonNode documented =
        document
            .path("paths")
            .path(path)
            .path(method)
            .path("responses")
            .path(String.valueOf(response.status()));
    JsonNode schema = documented.path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      problems.add(where + ": status or its JSON body not documented");
      return;
    }
    conform(where, response.body(), schema);
  }

  private void conform(String where, JsonNode value, JsonNode schema) {
    JsonNode resolved = resolve(schema);
    String type = resolved.path("type").asString(resolved.has("properties") ? "object" : "");
    switch (type) {
      case "object" -> conformObject(where, value, resolved);
      case "array" -> {
        if (!value.isArray()) {
          problems.add(where + ": documented as array, sent " + value.getNodeType());
          return;
        }
        value.forEach(item -> conform(where + "[]", item, resolved.path("items")));
      }
      case "string" -> expect(where, value.isString(), "string", value);
      case "integer" -> expect(where, value.isIntegralNumber(), "integer", value);
      case "number" -> expect(where, value.isNumber(), "number", value);
      case "boolean" -> expect(where, value.isBoolean(), "boolean", value);
      default -> problems.add(where + ": schema without a type " + resolved);
    }
  }

  private void conformObject(String where, JsonNode value, JsonNode schema) {
    if (!value.isObject()) {
      problems.add(where + ": documented as object, sent " + value.getNodeType());
      return;
    }
    JsonNode properties = schema.path("properties");
    JsonNode values = schema.path("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String at = where + "." + field.getKey();
      if (properties.has(field.getKey())) {
        conform(at, field.getValue(), properties.get(field.getKey()));
      } else if (values.isObject() && !values.isEmpty()) {
        conform(at, field.getValue(), values);
      } else if (!values.isObject()) {
        problems.add(at + ": sent but not documented");
      }
    }
  }

  private void expect(String where, boolean ok, String type, JsonNode value) {
    if (!ok) {
      problems.add(where + ": documented as " + type + ", sent " + value);
    }
  }

  private JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asString("");
    if (ref.isEmpty()) {
      return schema;
    }
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    return resolve(document.path("components").path("schemas").path(name));
  }
}
