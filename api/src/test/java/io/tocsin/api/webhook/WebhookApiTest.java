package io.tocsin.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.webhook.Receiver.Reply;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/webhooks}: management, roles, tenant isolation, validation, the test send. */
class WebhookApiTest extends WebhookTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MongoTemplate mongo;

  @Test
  void crudKeepsTheSecretWriteOnlyAndEncryptedAtRest() throws Exception {
    receiver();
    Tenant t = newTenant();
    Response created =
        t.engineer()
            .post(
                "/api/v1/webhooks",
                Map.of(
                    "name",
                    "soc-slack",
                    "url",
                    receiver.url(),
                    "events",
                    List.of("alert.created", "alert.closed"),
                    "secret",
                    SECRET,
                    "format",
                    "slack",
                    "min_severity",
                    "high",
                    "tags",
                    List.of("attack.t1059")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("id");
    assertThat(created.body().path("secret_set").asBoolean()).isTrue();
    assertThat(created.body().has("secret")).isFalse();
    assertThat(created.body().path("min_severity").asString()).isEqualTo("high");
    assertThat(created.body().path("enabled").asBoolean()).isTrue();

    Document stored = mongo.findById(id, Document.class, Webhook.COLLECTION);
    assertThat(stored.getString("secret")).startsWith("v1:").doesNotContain(SECRET);
    assertThat(stored.toJson()).doesNotContain(SECRET);

    Response read = t.viewer().get("/api/v1/webhooks/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.toString()).doesNotContain(SECRET);
    Response list = t.viewer().get("/api/v1/webhooks");
    assertThat(list.body().path("total").asLong()).isEqualTo(1);
    assertThat(list.body().at("/webhooks/0/name").asString()).isEqualTo("soc-slack");

    Response updated =
        t.engineer().put("/api/v1/webhooks/" + id, Map.of("enabled", false, "format", "generic"));
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.body().path("enabled").asBoolean()).isFalse();
    assertThat(updated.body().path("url").asString()).isEqualTo(receiver.url());
    assertThat(updated.body().path("secret_set").asBoolean()).isTrue();

    assertThat(t.engineer().delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
    assertThat(t.viewer().get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
  }

  @Test
  void withoutASecretOneIsGeneratedAndShownOnce() throws Exception {
    receiver();
    Tenant t = newTenant();
    Response created =
        t.engineer().post("/api/v1/webhooks", Map.of("name", "gen", "url", receiver.url()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String secret = created.text("secret");
    assertThat(secret).startsWith("whsec_");
    assertThat(t.viewer().get("/api/v1/webhooks/" + created.text("id")).body().has("secret"))
        .isFalse();

    Response test = t.engineer().post("/api/v1/webhooks/" + created.text("id") + "/test", null);
    assertThat(test.status()).as(test.toString()).isEqualTo(200);
    assertThat(Verifier.tocsin(secret, receiver.requests().get(0))).isTrue();
  }

  @Test
  void viewerReadsButCannotWriteAndOtherTenantsSee404() throws Exception {
    receiver();
    Tenant t = newTenant();
    Tenant other = newTenant();
    String id = webhook(t, Map.of());
    Map<String, Object> body = Map.of("name", "v", "url", receiver.url());
    assertThat(t.viewer().post("/api/v1/webhooks", body).status()).isEqualTo(403);
    assertThat(t.viewer().put("/api/v1/webhooks/" + id, body).status()).isEqualTo(403);
    assertThat(t.viewer().delete("/api/v1/webhooks/" + id).status()).isEqualTo(403);
    assertThat(t.viewer().post("/api/v1/webhooks/" + id + "/test", null).status()).isEqualTo(403);

    assertThat(other.engineer().get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
    assertThat(other.engineer().put("/api/v1/webhooks/" + id, body).status()).isEqualTo(404);
    assertThat(other.engineer().delete("/api/v1/webhooks/" + id).status()).isEqualTo(404);
    assertThat(other.engineer().get("/api/v1/webhooks/" + id + "/deliveries").status())
        .isEqualTo(404);
    assertThat(other.engineer().post("/api/v1/webhooks/" + id + "/test", null).status())
        .isEqualTo(404);
    assertThat(other.viewer().get("/api/v1/webhooks").body().path("total").asLong()).isZero();
    assertThat(anonymous().get("/api/v1/webhooks").status()).isEqualTo(401);
  }

  @Test
  void invalidWebhooksAre400WithTheField() throws Exception {
    receiver();
    Tenant t = newTenant();
    String url = receiver.url();
    assertBad(t, Map.of("name", "a", "url", "ftp://example.com/x"), "url", "http or https");
    assertBad(t, Map.of("name", "a", "url", "not a url"), "url", "");
    assertBad(t, Map.of("name", "a", "url", "http://user:pw@127.0.0.1/x"), "url", "credentials");
    assertBad(t, Map.of("name", "a", "url", url, "events", List.of("alert.nope")), "events", "");
    assertBad(t, Map.of("name", "a", "url", url, "format", "teams"), "format", "unknown format");
    assertBad(t, Map.of("name", "a", "url", url, "min_severity", "huge"), "min_severity", "");
    assertBad(t, Map.of("name", "a", "url", url, "format", "jira"), "parameters", "project_key");
    assertBad(
        t, Map.of("name", "a", "url", url, "format", "pagerduty"), "parameters", "routing_key");
    assertBad(t, Map.of("name", "a", "url", url, "secret", "short"), "secret", "16");
    assertBad(t, Map.of("name", "a", "url", url, "template", "{\"a\": "), "template", "JSON");
    assertBad(
        t,
        Map.of("name", "a", "url", url, "template", "{\"a\": \"{{env.HOME}}\"}"),
        "template",
        "");
    assertBad(
        t,
        Map.of("name", "a", "url", url, "template", "{\"a\": \"{{alert.title}\"}"),
        "template",
        "unclosed");
    assertBad(t, Map.of("name", "bad name!", "url", url), "name", "");
    webhook(t, Map.of("name", "dup"));
    assertBad(t, Map.of("name", "dup", "url", url), "name", "already exists");
  }

  @Test
  void metadataAndMulticastReceiversRefusedEvenWhenPrivateOnesAreAllowed() {
    Tenant t = newTenant();
    assertBad(
        t,
        Map.of("name", "m", "url", "http://169.254.169.254/latest/meta-data"),
        "url",
        "metadata");
    assertBad(t, Map.of("name", "m", "url", "http://[fd00:ec2::254]/"), "url", "metadata");
    assertBad(t, Map.of("name", "m", "url", "http://224.0.0.1/"), "url", "multicast");
  }

  @Test
  void testSendReturnsTheReceiversStatusAndIsSigned() throws Exception {
    receiver().then(Reply.status(503));
    Tenant t = newTenant();
    String id =
        webhook(t, Map.of("format", "pagerduty", "parameters", Map.of("routing_key", "R1")));
    Response failed = t.engineer().post("/api/v1/webhooks/" + id + "/test", null);
    assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
    assertThat(failed.body().path("delivered").asBoolean()).isFalse();
    assertThat(failed.body().path("status_code").asInt()).isEqualTo(503);

    Response ok = t.engineer().post("/api/v1/webhooks/" + id + "/test", null);
    assertThat(ok.body().path("delivered").asBoolean()).as(ok.toString()).isTrue();
    assertThat(ok.body().path("status_code").asInt()).isEqualTo(200);
    Receiver.Request r = receiver.requests().get(1);
    assertThat(Verifier.tocsin(SECRET, r)).isTrue();
    assertThat(Verifier.standard(SECRET, r)).isTrue();
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("routing_key").asString()).isEqualTo("R1");
    assertThat(body.path("event_action").asString()).isEqualTo("trigger");
    assertThat(deliveries(t, id).body().path("total").asLong()).as("tests are not queued").isZero();
  }

  @Test
  void pagingOfDeliveriesIsValidated() throws Exception {
    receiver();
    Tenant t = newTenant();
    String id = webhook(t, Map.of());
    assertThat(t.viewer().get("/api/v1/webhooks/" + id + "/deliveries?limit=1001").status())
        .isEqualTo(400);
    assertThat(t.viewer().get("/api/v1/webhooks/" + id + "/deliveries?state=lost").status())
        .isEqualTo(400);
    assertThat(t.viewer().get("/api/v1/webhooks/" + id + "/deliveries/dlv_nope").status())
        .isEqualTo(404);
  }

  private static void assertBad(Tenant t, Map<String, Object> body, String field, String text) {
    Response r = t.engineer().post("/api/v1/webhooks", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(r.body().at("/error/details/field").asString()).as(r.toString()).isEqualTo(field);
    assertThat(r.body().at("/error/message").asString()).as(r.toString()).contains(text);
  }
}
