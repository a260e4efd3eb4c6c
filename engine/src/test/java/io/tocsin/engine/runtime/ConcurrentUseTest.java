package io.tocsin.engine.runtime;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.policy.LoadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** evaluate from several threads while reloads run: every event is evaluated by exactly one set. */
class ConcurrentUseTest {

  @Test
  void evaluationFromManyThreadsDuringCoalescedReloads() throws Exception {
    try (DetectionEngine engine = Fixtures.engine()) {
      load(engine, policy("p", rule("r", "process.name == 'x'")));
      AtomicLong detections = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
          workers.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 300; i++) {
                      detections.addAndGet(engine.evaluate(event(i, "process.name", "x")).size());
                    }
                  }));
        }
        List<CompletableFuture<LoadResult>> reloads = new ArrayList<>();
        for (int v = 0; v < 10; v++) {
          reloads.add(
              engine.requestReload(
                  List.of(
                      policy("p", rule("r", "process.name == 'x'")),
                      policy("q" + v, rule("r", "process.name == 'y'"))),
                  Map.of(),
                  Map.of()));
        }
        for (Future<?> w : workers) {
          w.get();
        }
        for (CompletableFuture<LoadResult> r : reloads) {
          assertThat(r.get().ok()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(detections.get()).isEqualTo(900);
      assertThat(engine.metrics().events()).isEqualTo(900);
      assertThat(engine.metrics().reloadsApplied() + engine.metrics().reloadsCoalesced())
          .isEqualTo(11);
      assertThat(engine.policySet().policies()).extracting(p -> p.id()).containsExactly("p", "q9");
    }
  }
}
