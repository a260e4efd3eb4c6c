package io.tocsin.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored events and a condition that together cost billions of matching steps: 200 events whose
 * command line is 4,000 {@code a}s, and an RE2 regex with about 2,000 live threads on each of them.
 * Linear in theory, far past any budget in practice: the input of the budget and cancel tests.
 */
final class SlowRegexFixture {

  static final int EVENTS = 200;

  /** The condition, as a policy or search would send it. */
  static final String CONDITION =
      "process.command_line matches '(?i)" + "a?".repeat(2_000) + "a".repeat(2_000) + "b'";

  private SlowRegexFixture() {}

  /** Ingests the events for host {@code h1}, an hour ago; returns the first event's time. */
  static Instant ingest(ApiClient client) {
    Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    for (int batch = 0; batch < EVENTS / 10; batch++) {
      List<Map<String, Object>> events = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Map<String, Object> e = new HashMap<>();
        e.put("id", "e" + batch + "-" + i);
        e.put("ts", base.plusSeconds(batch * 10L + i).toString());
        e.put("host_id", "h1");
        e.put("process", Map.of("command_line", "a".repeat(4000)));
        events.add(e);
      }
      Response r = client.post("/api/v1/events", events);
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
    return base;
  }
}
