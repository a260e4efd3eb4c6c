package io.tocsin.model.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OS-Pulse and security-event seed shapes, and ids for events that carry none. */
class SeedShapeNormalizationTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static EventNormalizer at(Instant now) {
    return new EventNormalizer(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(5));
  }

  private static Map<String, Object> calcFromExplorer() {
    return Map.of(
        "type", "process_creation",
        "data",
            Map.of(
                "commandLine",
                "\"C:\\Windows\\System32\\calc.exe\" /s",
                "processId",
                5678,
                "timestamp",
                "2026-11-22T09:30:00Z"),
        "metadata", Map.of("sessionId", "s-1", "processName", "explorer.exe", "processId", 1234));
  }

  /** Regression: process.name was the parent (explorer.exe for calc.exe). */
  @Test
  void processCreationNamesTheCreatedProcessAndItsParent() throws Exception {
    Event event = at(NOW).normalize(calcFromExplorer(), "acme");

    assertThat(event.get("process.name")).isEqualTo("calc.exe");
    assertThat(event.get("process.pid")).isEqualTo(5678L);
    assertThat(event.get("process.exe")).isEqualTo("C:\\Windows\\System32\\calc.exe");
    assertThat(event.get("process.command_line"))
        .isEqualTo("\"C:\\Windows\\System32\\calc.exe\" /s");
    assertThat(event.get("process.parent.name")).isEqualTo("explorer.exe");
    assertThat(event.get("process.parent.pid")).isEqualTo(1234L);
    assertThat(event.get("process.ppid")).isEqualTo(1234L);
    assertThat(event.get("event.type")).isEqualTo("process");
  }

  /** Regression: the arrival time was used instead of data.timestamp. */
  @Test
  void dataTimestampIsTheEventTime() throws Exception {
    Event event = at(NOW).normalize(calcFromExplorer(), "acme");

    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-22T09:30:00Z"));
  }

  @Test
  void fileOperationKeepsTheReportingProcessAsTheActor() throws Exception {
    Map<String, Object> raw =
        Map.of(
            "type",
            "file_operation",
            "operation",
            "create",
            "data",
            Map.of("filePath", "C:\\tmp\\a.txt", "timestamp", "2026-11-22T09:31:00Z"),
            "metadata",
            Map.of("processName", "notepad.exe", "processId", 42));

    Event event = at(NOW).normalize(raw, "acme");

    assertThat(event.get("process.name")).isEqualTo("notepad.exe");
    assertThat(event.get("process.pid")).isEqualTo(42L);
    assertThat(event.has("process.parent.name")).isFalse();
    assertThat(event.get("file.path")).isEqualTo("C:\\tmp\\a.txt");
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-22T09:31:00Z"));
  }

  /** Regression: the derived id hashed the arrival time, so a retry was stored again. */
  @Test
  void eventWithItsOwnTimeGetsTheSameIdWhenRetriedLater() throws Exception {
    String first = at(NOW).normalize(calcFromExplorer(), "acme").id();
    String retry = at(NOW.plus(Duration.ofHours(3))).normalize(calcFromExplorer(), "acme").id();

    assertThat(retry).isEqualTo(first).startsWith("evt_");
  }

  @Test
  void eventWithoutTimeIsARetryWithinTheWindowAndNewAfterIt() throws Exception {
    Map<String, Object> login =
        Map.of("source_ip", "10.0.0.5", "event_type", "failed_login", "severity", "high");
    EventNormalizer.Normalized first = at(NOW).normalize(login, "acme", null, 0);
    EventNormalizer.Normalized sameWindow =
        at(NOW.plusSeconds(60)).normalize(login, "acme", null, 0);
    EventNormalizer.Normalized nextWindow =
        at(NOW.plusSeconds(301)).normalize(login, "acme", null, 0);
    EventNormalizer.Normalized muchLater =
        at(NOW.plus(Duration.ofHours(1))).normalize(login, "acme", null, 0);

    assertThat(sameWindow.event().id()).isEqualTo(first.event().id());
    assertThat(nextWindow.earlierId())
        .as("a retry crossing into the next window still names the first id")
        .isEqualTo(first.event().id());
    assertThat(muchLater.event().id()).isNotEqualTo(first.event().id());
    assertThat(muchLater.earlierId()).isNotEqualTo(first.event().id());
    assertThat(first.event().timestamp()).isEqualTo(NOW);
  }

  @Test
  void identicalItemsOfOneRequestStayDistinctAndRetryOntoTheSameIds() throws Exception {
    Map<String, Object> login = Map.of("source_ip", "10.0.0.5", "event_type", "failed_login");
    String a = at(NOW).normalize(login, "acme", null, 0).event().id();
    String b = at(NOW).normalize(login, "acme", null, 1).event().id();
    String retryB = at(NOW.plusSeconds(5)).normalize(login, "acme", null, 1).event().id();

    assertThat(a).isNotEqualTo(b);
    assertThat(retryB).isEqualTo(b);
  }

  @Test
  void boundHostIsStampedOnlyWhenTheEventNamesNone() throws Exception {
    Event stamped = at(NOW).normalize(calcFromExplorer(), "acme", "ws-7", 0).event();
    Event own =
        at(NOW)
            .normalize(
                Map.of("host_id", "ws-8", "event", Map.of("type", "process")), "acme", "ws-7", 0)
            .event();

    assertThat(stamped.hostId()).isEqualTo("ws-7");
    assertThat(own.hostId()).isEqualTo("ws-8");
  }

  @Test
  void severityIsStoredInLowerCase() throws Exception {
    Event event =
        at(NOW)
            .normalize(
                Map.of("source_ip", "10.0.0.5", "event_type", "x", "severity", "HIGH"), "acme");

    assertThat(event.get("severity")).isEqualTo("high");
  }

  @Test
  void commandLineProgramHonoursQuotes() {
    assertThat(CommandLines.program("\"C:\\Program Files\\x.exe\" -a"))
        .isEqualTo("C:\\Program Files\\x.exe");
    assertThat(CommandLines.program("  /bin/sh -c id")).isEqualTo("/bin/sh");
    assertThat(CommandLines.program("")).isEmpty();
  }
}
