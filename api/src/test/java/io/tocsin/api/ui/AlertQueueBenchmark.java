package io.tocsin.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.Alert;
import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * How long the alert queue's first screen takes with 100,000 alerts in the tenant, on the embedded
 * store: the two requests the UI sends when it opens ({@code GET /alerts?status=open&limit=50} and
 * {@code GET /alerts/counts}), over HTTP, 20 times each after a warm-up. A measurement, not a test:
 * it asserts only that the answers are right and writes the numbers to {@code
 * target/alert-queue-benchmark.txt}. Run with {@code -Dtocsin.bench=true} (docs/ui.md).
 */
@EnabledIfSystemProperty(named = "tocsin.bench", matches = "true")
class AlertQueueBenchmark extends ApiTest {

  private static final Logger log = LoggerFactory.getLogger(AlertQueueBenchmark.class);
  private static final int ALERTS = Integer.getInteger("tocsin.bench.alerts", 100_000);
  private static final String[] STATUSES = {"open", "acknowledged", "closed", "closed"};
  private static final String[] SEVERITIES = {"low", "medium", "high", "critical"};

  @Autowired MongoTemplate mongo;

  @Test
  void firstPageWith100kAlerts() throws Exception {
    TestTenants.Tenant tenant = TestTenants.tenant(admin(), 30);
    long insertStart = System.nanoTime();
    Instant now = Instant.now();
    List<Document> batch = new ArrayList<>();
    for (int i = 0; i < ALERTS; i++) {
      Date created = Date.from(now.minusSeconds(ALERTS - i));
      batch.add(
          new Document("_id", String.format(Locale.ROOT, "alr_bench_%07d", i))
              .append("tenantId", tenant.id())
              .append("title", "Bench alert " + i + " on host-" + (i % 500))
              .append("severity", SEVERITIES[i % 4])
              .append("status", STATUSES[i % 4])
              .append("createdAt", created)
              .append("updatedAt", created)
              .append("version", 1L)
              .append("hostId", "host-" + (i % 500))
              .append("policyId", "policy-" + (i % 40))
              .append("policyName", "Policy " + (i % 40))
              .append("tags", List.of("attack.t10" + (i % 90 + 10)))
              .append("riskScore", 21 + i % 79)
              .append("count", 1L)
              .append("eventIds", List.of("evt_" + i)));
      if (batch.size() == 5_000) {
        mongo.getCollection(Alert.COLLECTION).insertMany(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      mongo.getCollection(Alert.COLLECTION).insertMany(batch);
    }
    long insertMs = (System.nanoTime() - insertStart) / 1_000_000;
    ApiClient api = tenant.admin();

    String page = "/api/v1/alerts?status=open&limit=50";
    String counts = "/api/v1/alerts/counts";
    assertThat(api.get(page).body().path("total").asLong()).isEqualTo(ALERTS / 4);
    assertThat(api.get(counts).body().path("total").asLong()).isEqualTo(ALERTS);
    long[] pageMs = time(api, page, 20);
    long[] countsMs = time(api, counts, 20);
    long[] filteredMs = time(api, "/api/v1/alerts?status=open&severity=critical&limit=50", 10);
    String report =
        String.format(
            Locale.ROOT,
            "alerts=%d insert_ms=%d%n"
                + "first page (status=open, limit=50): median %d ms, max %d ms%n"
                + "counts per status: median %d ms, max %d ms%n"
                + "first page filtered by severity: median %d ms, max %d ms%n",
            ALERTS,
            insertMs,
            pageMs[pageMs.length / 2],
            pageMs[pageMs.length - 1],
            countsMs[countsMs.length / 2],
            countsMs[countsMs.length - 1],
            filteredMs[filteredMs.length / 2],
            filteredMs[filteredMs.length - 1]);
    log.info("alert queue benchmark:\n{}", report);
    Files.writeString(Path.of("target", "alert-queue-benchmark.txt"), report);
  }

  private static long[] time(ApiClient api, String path, int runs) {
    api.get(path);
    long[] ms = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      assertThat(api.get(path).status()).isEqualTo(200);
      ms[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(ms);
    return ms;
  }
}
