package io.tocsin.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tocsin.api.support.ApiClient.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Sigma efficacy gate: every corpus file in {@code src/test/resources/sigma-efficacy} (Sigma
 * rules written by us, with positive and negative events) goes import → ingest → alert through the
 * HTTP API. Each case's events carry their own {@code host_id}, so a case only sees its own alerts;
 * negatives are sent before positives and checked once every positive has alerted.
 */
class SigmaEfficacyTest extends DetectionApiTest {

  private static final String ROOT = "sigma-efficacy/";
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  static Stream<String> corpus() {
    return new String(resource("index.txt"), StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @SuppressWarnings("unchecked")
  void corpusFileAlertsExactlyOnItsPositiveEvents(String name) {
    Tenant t = newTenant();
    Map<String, Object> spec = YAML.readValue(resource(name + ".events.yml"), Map.class);
    ((Map<String, List<Object>>) spec.getOrDefault("lists", Map.of()))
        .forEach(
            (list, values) ->
                assertThat(
                        t.engineer()
                            .put("/api/v1/lists/" + list, Map.of("values", values))
                            .status())
                    .isBetween(200, 201));

    Response imported =
        ok(
            t.engineer()
                .send(
                    "POST",
                    "/api/v1/policies/import/sigma",
                    new String(resource(name + ".yml"), StandardCharsets.UTF_8),
                    "application/yaml"));
    JsonNode summary = imported.body().path("summary");
    assertThat(summary.path("rejected").asInt()).as(imported.toString()).isZero();
    int enabled = 0;
    for (JsonNode p : imported.body().path("policies")) {
      enabled += p.path("enabled").asBoolean() ? 1 : 0;
    }
    int expected = enabled;
    // A tenant's engine starts on its first event with every stored policy; one already running
    // picks the import up through a reload.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              JsonNode engine = t.viewer().get("/api/v1/policies/engine").body();
              return engine.path("status").asString().equals("not_loaded")
                  || engine.path("policies").asInt() >= expected;
            });

    List<Map<String, Object>> cases = (List<Map<String, Object>>) spec.get("cases");
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      if (!Boolean.TRUE.equals(cases.get(i).get("alert"))) {
        order.add(i);
      }
    }
    for (int i = 0; i < cases.size(); i++) {
      if (Boolean.TRUE.equals(cases.get(i).get("alert"))) {
        order.add(i);
      }
    }
    for (int i : order) {
      for (Object e : (List<Object>) cases.get(i).get("events")) {
        Map<String, Object> event = new LinkedHashMap<>((Map<String, Object>) e);
        event.put("host_id", host(name, i));
        ok(t.engineer().post("/api/v1/events", event));
      }
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              for (int i = 0; i < cases.size(); i++) {
                if (Boolean.TRUE.equals(cases.get(i).get("alert"))) {
                  assertThat(alerts(t, name, i, cases.get(i)))
                      .as("positive case [%s]", cases.get(i).get("name"))
                      .isPositive();
                }
              }
            });
    for (int i = 0; i < cases.size(); i++) {
      if (!Boolean.TRUE.equals(cases.get(i).get("alert"))) {
        assertThat(alerts(t, name, i, cases.get(i)))
            .as("negative case [%s]", cases.get(i).get("name"))
            .isZero();
      }
    }
  }

  private int alerts(Tenant t, String file, int i, Map<String, Object> c) {
    return t.viewer()
        .get("/api/v1/alerts?host_id=" + host(file, i) + "&policy_id=" + c.get("policy"))
        .body()
        .path("total")
        .asInt();
  }

  private static String host(String file, int i) {
    return "eff-" + file + "-" + i;
  }

  private static byte[] resource(String name) {
    try (InputStream in =
        SigmaEfficacyTest.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + ROOT + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
