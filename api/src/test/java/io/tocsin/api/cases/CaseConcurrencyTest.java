package io.tocsin.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Concurrent writers: nothing is lost, and an alert never ends up half in two cases. */
class CaseConcurrencyTest extends ApiTest {

  private ApiClient admin;

  @BeforeEach
  void tenant() {
    admin = TestTenants.tenant(admin(), 30).admin();
  }

  @Test
  void concurrentCommentsAreAllKept() throws Exception {
    String id = admin.post("/api/v1/projects", Map.of("name", "busy")).text("id");
    int perWriter = 10;
    List<Response> responses =
        race(
            4,
            writer -> {
              List<Response> mine = new ArrayList<>();
              for (int i = 0; i < perWriter; i++) {
                mine.add(
                    admin.post(
                        "/api/v1/projects/" + id + "/comments",
                        Map.of("text", "writer " + writer + " note " + i)));
              }
              return mine;
            });

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
    JsonNode c = admin.get("/api/v1/projects/" + id).body();
    assertThat(c.path("comments").size()).isEqualTo(4 * perWriter);
    assertThat(c.path("version").asInt()).isEqualTo(1 + 4 * perWriter);
    assertThat(c.path("audit").size()).isEqualTo(1 + 4 * perWriter);
  }

  @Test
  void twoCasesRacingForTheSameAlertsNeverShareOne() throws Exception {
    for (int round = 0; round < 5; round++) {
      List<String> alerts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        alerts.add(admin.post("/api/v1/alerts", Map.of("title", "a" + i)).text("id"));
      }
      String a = admin.post("/api/v1/projects", Map.of("name", "A")).text("id");
      String b = admin.post("/api/v1/projects", Map.of("name", "B")).text("id");
      List<String> reversed = new ArrayList<>(alerts);
      java.util.Collections.reverse(reversed);

      List<Response> results =
          race(
              2,
              writer ->
                  List.of(
                      admin.post(
                          "/api/v1/projects/" + (writer == 0 ? a : b) + "/alerts",
                          Map.of("alert_ids", writer == 0 ? alerts : reversed))));

      assertThat(results).allSatisfy(r -> assertThat(r.status()).isIn(200, 400));
      assertThat(results.stream().filter(r -> r.status() == 200)).hasSizeLessThanOrEqualTo(1);
      for (String caseId : List.of(a, b)) {
        Set<String> listed = new HashSet<>();
        admin
            .get("/api/v1/projects/" + caseId)
            .body()
            .path("alert_ids")
            .forEach(n -> listed.add(n.asString()));
        Set<String> claiming = new HashSet<>();
        for (String alert : alerts) {
          if (caseId.equals(admin.get("/api/v1/alerts/" + alert).text("case_id"))) {
            claiming.add(alert);
          }
        }
        assertThat(listed).as("round " + round + ", case " + caseId).isEqualTo(claiming);
      }
    }
  }

  /** Runs {@code writers} writers at once (released together); all their responses. */
  private static List<Response> race(int writers, WriterBody body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<List<Response>>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        Supplier<List<Response>> run =
            () -> {
              try {
                start.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
              return body.run(writer);
            };
        futures.add(CompletableFuture.supplyAsync(run, pool));
      }
      start.countDown();
      List<Response> all = new ArrayList<>();
      for (CompletableFuture<List<Response>> f : futures) {
        all.addAll(f.get(2, TimeUnit.MINUTES));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  @FunctionalInterface
  private interface WriterBody {
    List<Response> run(int writer);
  }
}
