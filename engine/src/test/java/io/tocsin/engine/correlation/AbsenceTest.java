package io.tocsin.engine.correlation;

import static io.tocsin.engine.Fixtures.event;
import static io.tocsin.engine.Fixtures.fired;
import static io.tocsin.engine.Fixtures.load;
import static io.tocsin.engine.Fixtures.policy;
import static io.tocsin.engine.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.engine.Detection;
import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.Fixtures;
import io.tocsin.engine.policy.AbsenceSpec;
import io.tocsin.model.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Absence: "A not followed by B within T", fired by event time or by {@code advanceTo}. */
class AbsenceTest {

  private DetectionEngine engine() {
    DetectionEngine engine = Fixtures.engine();
    load(
        engine,
        policy(
            "mfa",
            rule("no_mfa", "auth.method == 'password' and auth.result == 'success'")
                .withAbsence(new AbsenceSpec("auth.method == 'mfa'", "2m", List.of("user.name")))));
    return engine;
  }

  private static Event password(long s, String user) {
    return event(s, "user.name", user, "auth.method", "password", "auth.result", "success");
  }

  private static Event mfa(long s, String user) {
    return event(s, "user.name", user, "auth.method", "mfa", "auth.result", "success");
  }

  @Test
  void firesWhenTheClockPassesTheDeadlineWithoutB() {
    try (DetectionEngine engine = engine()) {
      assertThat(engine.evaluate(password(0, "alice"))).isEmpty();
      assertThat(engine.advanceTo(Fixtures.T0.plusSeconds(119))).isEmpty();
      List<Detection> d = engine.advanceTo(Fixtures.T0.plusSeconds(121));
      assertThat(fired(d)).containsExactly("no_mfa");
      assertThat(d.get(0).events()).extracting(e -> e.get("user.name")).containsExactly("alice");
    }
  }

  @Test
  void laterEventsAdvanceEventTimeToo() {
    try (DetectionEngine engine = engine()) {
      engine.evaluate(password(0, "alice"));
      assertThat(fired(engine.evaluate(event(500, "user.name", "bob")))).containsExactly("no_mfa");
    }
  }

  @Test
  void bWithinTheWindowCancelsForItsKeyOnly() {
    try (DetectionEngine engine = engine()) {
      engine.evaluate(List.of(password(0, "alice"), password(1, "bob"), mfa(60, "alice")));
      List<Detection> d = engine.advanceTo(Fixtures.T0.plusSeconds(600));
      assertThat(d).hasSize(1);
      assertThat(d.get(0).groupKey()).containsEntry("user.name", "bob");
    }
  }

  @Test
  void bBeforeAOrAfterTheDeadlineDoesNotCancel() {
    try (DetectionEngine engine = engine()) {
      engine.evaluate(List.of(mfa(0, "alice"), password(1, "alice")));
      engine.evaluate(mfa(200, "alice"));
      assertThat(fired(engine.advanceTo(Fixtures.T0.plusSeconds(600)))).isEmpty();
      assertThat(engine.metrics().detections()).isEqualTo(1);
    }
  }
}
