package io.tocsin.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.model.Event;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three benchmarked implementations agree on the benchmark events (so the race is fair). */
class WorkloadTest {

  @ParameterizedTest
  @ValueSource(strings = {"realistic100", "generated1000"})
  void engineInterpreterAndHandWrittenFindTheSameMatches(String scenario) {
    Workload w = Workload.of(scenario);
    List<Event> events = w.events.subList(0, 5_000);
    List<Predicate<Event>> interpreted = BenchSetup.interpreted(w);
    HandWritten hand = new HandWritten(w.rules);
    long byInterpreter = 0;
    long byHand = 0;
    for (Event e : events) {
      byInterpreter += interpreted.stream().filter(p -> p.test(e)).count();
      byHand += hand.matches(e);
    }
    try (DetectionEngine engine = BenchSetup.engine(w)) {
      long byEngine = engine.evaluate(events).size();
      org.slf4j.LoggerFactory.getLogger(WorkloadTest.class)
          .info("{}: {} matches, {}", scenario, byEngine, engine.metrics().compile());
      assertThat(byEngine).isEqualTo(byInterpreter).isEqualTo(byHand);
      assertThat(byEngine).as("match rate").isBetween(events.size() / 1000L, events.size() / 10L);
    }
  }
}
