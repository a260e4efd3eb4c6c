package io.tocsin.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subscription filters: a single severity is a minimum, a list is exact; ids match exactly. */
class StreamFilterTest {

  @Test
  void singleSeverityIsAMinimum() {
    StreamFilter high = StreamFilter.parse("high", null, null);
    assertThat(high.matches(message("critical", "p1", "h1"))).isTrue();
    assertThat(high.matches(message("high", "p1", "h1"))).isTrue();
    assertThat(high.matches(message("medium", "p1", "h1"))).isFalse();
    assertThat(high.matches(message(null, "p1", "h1"))).as("no severity, no match").isFalse();
  }

  @Test
  void severityListIsExact() {
    StreamFilter lowOrCritical = StreamFilter.parse("low,critical", null, null);
    assertThat(lowOrCritical.matches(message("low", null, null))).isTrue();
    assertThat(lowOrCritical.matches(message("high", null, null))).isFalse();
    StreamFilter array = StreamFilter.parse(List.of("HIGH"), null, null);
    assertThat(array.matches(message("high", null, null))).isTrue();
    assertThat(array.matches(message("critical", null, null))).as("a list is exact").isFalse();
  }

  @Test
  void policyAndHostFiltersMatchIds() {
    StreamFilter f = StreamFilter.parse(null, "p1", List.of("h1", "h2"));
    assertThat(f.matches(message("low", "p1", "h2"))).isTrue();
    assertThat(f.matches(message("low", "p2", "h2"))).isFalse();
    assertThat(f.matches(message("low", "p1", "h3"))).isFalse();
    assertThat(StreamFilter.NONE.matches(message(null, null, null))).isTrue();
  }

  @Test
  void unknownSeverityOrNonStringValueIsRefusedNamingIt() {
    assertThatThrownBy(() -> StreamFilter.parse("urgent", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[urgent]");
    assertThatThrownBy(() -> StreamFilter.parse(null, List.of(Map.of("x", 1)), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("policy:");
  }

  private static StreamMessage message(String severity, String policy, String host) {
    return new StreamMessage(
        1,
        "t",
        StreamTopic.ALERTS,
        "alert.created",
        Instant.EPOCH,
        severity,
        policy,
        host,
        Map.of());
  }
}
