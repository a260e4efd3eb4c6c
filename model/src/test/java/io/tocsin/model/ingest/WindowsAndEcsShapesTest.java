package io.tocsin.model.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sysmon, Winlogbeat, XML-as-JSON Windows events and ECS events keep every field at ingest. */
class WindowsAndEcsShapesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final EventNormalizer normalizer = new EventNormalizer(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void flatSysmonProcessCreationKeepsEveryFieldAndFillsCanonicalOnes() throws Exception {
    Map<String, Object> raw =
        Map.of(
            "EventID", 1,
            "Channel", "Microsoft-Windows-Sysmon/Operational",
            "Computer", "ws01",
            "Image", "C:\\Windows\\System32\\cmd.exe",
            "CommandLine", "cmd.exe /c whoami",
            "ParentImage", "C:\\Windows\\explorer.exe",
            "ProcessId", "4242",
            "User", "CORP\\alice",
            "IntegrityLevel", "High");

    Event e = normalizer.normalize(raw, "acme");

    assertThat(InputShape.detect(raw)).isEqualTo(InputShape.WINDOWS);
    assertThat(e.get("event.type")).isEqualTo("process");
    assertThat(e.get("event.action")).isEqualTo("start");
    assertThat(e.get("process.exe")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
    assertThat(e.get("process.name")).isEqualTo("cmd.exe");
    assertThat(e.get("process.command_line")).isEqualTo("cmd.exe /c whoami");
    assertThat(e.get("process.parent.exe")).isEqualTo("C:\\Windows\\explorer.exe");
    assertThat(e.get("process.pid")).isEqualTo(4242L);
    assertThat(e.get("user.name")).isEqualTo("CORP\\alice");
    assertThat(e.get("host.name")).isEqualTo("ws01");
    assertThat(e.get("payload.IntegrityLevel")).isEqualTo("High");
    assertThat(e.get("payload.Image")).isEqualTo("C:\\Windows\\System32\\cmd.exe");
    assertThat(e.get("payload.EventID")).isEqualTo(1L);
  }

  @Test
  void winlogbeatNetworkConnectionMapsEventData() throws Exception {
    Map<String, Object> raw =
        Map.of(
            "@timestamp", "2026-11-22T09:00:00Z",
            "host", Map.of("name", "ws02"),
            "winlog",
                Map.of(
                    "event_id",
                    3,
                    "channel",
                    "Microsoft-Windows-Sysmon/Operational",
                    "event_data",
                    Map.of(
                        "Image", "C:\\x\\beacon.exe",
                        "DestinationIp", "203.0.113.9",
                        "DestinationPort", 443,
                        "Initiated", "true")));

    Event e = normalizer.normalize(raw, "acme");

    assertThat(e.get("ts")).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
    assertThat(e.get("event.type")).isEqualTo("network");
    assertThat(e.get("event.action")).isEqualTo("connect");
    assertThat(e.get("network.destination.ip")).isEqualTo("203.0.113.9");
    assertThat(e.get("network.destination.port")).isEqualTo(443L);
    assertThat(e.get("host.name")).isEqualTo("ws02");
    assertThat(e.get("payload.Initiated")).isEqualTo("true");
    assertThat(e.get("payload.Channel")).isEqualTo("Microsoft-Windows-Sysmon/Operational");
  }

  @Test
  void security4688WithHexProcessIdKeepsTheIdOnlyUnderPayload() throws Exception {
    Map<String, Object> raw =
        Map.of(
            "System", Map.of("EventID", "4688", "Channel", "Security", "Computer", "dc1"),
            "EventData",
                Map.of(
                    "NewProcessName", "C:\\Windows\\System32\\net.exe",
                    "NewProcessId", "0x1a4",
                    "SubjectUserName", "bob"));

    Event e = normalizer.normalize(raw, "acme");

    assertThat(e.get("process.exe")).isEqualTo("C:\\Windows\\System32\\net.exe");
    assertThat(e.get("process.pid")).isNull();
    assertThat(e.get("payload.NewProcessId")).isEqualTo("0x1a4");
    assertThat(e.get("user.name")).isEqualTo("bob");
    assertThat(e.get("event.action")).isEqualTo("start");
  }

  @Test
  void ecsEventIsRenamedAndUnknownFieldsKeptUnderPayload() throws Exception {
    Map<String, Object> raw =
        Map.of(
            "@timestamp", "2026-11-22T09:30:00Z",
            "ecs", Map.of("version", "8.11"),
            "event", Map.of("category", List.of("process"), "type", List.of("start")),
            "host", Map.of("name", "lnx1", "ip", List.of("10.0.0.5")),
            "process",
                Map.of(
                    "executable", "/usr/bin/curl",
                    "command_line", "curl http://x",
                    "working_directory", "/tmp"),
            "source", Map.of("ip", "10.0.0.5"));

    Event e = normalizer.normalize(raw, "acme");

    assertThat(InputShape.detect(raw)).isEqualTo(InputShape.ECS);
    assertThat(e.get("process.exe")).isEqualTo("/usr/bin/curl");
    assertThat(e.get("process.name")).isEqualTo("curl");
    assertThat(e.get("process.command_line")).isEqualTo("curl http://x");
    assertThat(e.get("network.source.ip")).isEqualTo("10.0.0.5");
    assertThat(e.get("event.type")).isEqualTo("process");
    assertThat(e.get("event.action")).isEqualTo("start");
    assertThat(e.get("payload.process.working_directory")).isEqualTo("/tmp");
    assertThat(e.get("payload.host.ip")).isEqualTo(List.of("10.0.0.5"));
    assertThat(e.get("payload.event.category")).isEqualTo(List.of("process"));
  }
}
