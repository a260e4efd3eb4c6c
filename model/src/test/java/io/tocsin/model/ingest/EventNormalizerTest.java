package io.tocsin.model.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventNormalizerTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final EventNormalizer normalizer = new EventNormalizer(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void insecShapeMapsProcAndOs() throws Exception {
    Map<String, Object> raw =
        Map.of(
            "ts", "2026-11-22T09:00:00Z",
            "tenant_id", "someone-else",
            "host_id", "h1",
            "user", Map.of("name", "alice", "dept", "fin"),
            "os", Map.of("family", "windows", "version", "11"),
            "event", Map.of("type", "process", "id", "e-1"),
            "proc",
                Map.of("name", "powershell.exe", "cmd", List.of("powershell", "-nop"), "ppid", 4),
            "labels", List.of("lab"),
            "agent", Map.of("ver", "1.0", "mode", "kernel"));

    Event event = normalizer.normalize(raw, "acme");

    assertThat(event.get("process.name")).isEqualTo("powershell.exe");
    assertThat(event.get("process.cmd")).isEqualTo(List.of("powershell", "-nop"));
    assertThat(event.get("process.command_line")).isEqualTo("powershell -nop");
    assertThat(event.get("process.ppid")).isEqualTo(4L);
    assertThat(event.get("host.os.family")).isEqualTo("windows");
    assertThat(event.tenantId())
        .as("tenant comes from the caller, never the body")
        .isEqualTo("acme");
    assertThat(event.id()).isEqualTo("e-1");
    assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
  }

  @Test
  void osPulseFileOperationMapsDataAndMetadata() throws Exception {
    Map<String, Object> raw =
        Map.of(
            "type", "file_operation",
            "operation", "write",
            "timestamp", "2026-11-22T09:00:00",
            "data", Map.of("path", "/tmp/x/run.sh", "size", 2048, "owner", "bob"),
            "metadata", Map.of("sessionId", "s-9", "processName", "bash", "processId", 77));

    Event event = normalizer.normalize(raw, "acme");

    assertThat(event.get("event.type")).isEqualTo("file");
    assertThat(event.get("event.action")).isEqualTo("write");
    assertThat(event.get("file.operation")).isEqualTo("write");
    assertThat(event.get("file.path")).isEqualTo("/tmp/x/run.sh");
    assertThat(event.get("file.name")).isEqualTo("run.sh");
    assertThat(event.get("file.size")).isEqualTo(2048L);
    assertThat(event.get("process.pid")).isEqualTo(77L);
    assertThat(event.get("payload.owner")).isEqualTo("bob");
    assertThat(event.get("payload.session_id")).isEqualTo("s-9");
    assertThat(event.timestamp())
        .as("no offset means UTC")
        .isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
  }

  @Test
  void securityEventShapeMapsNetworkFields() throws Exception {
    Map<String, Object> raw =
        Map.of(
            "source_ip", "10.1.2.3",
            "destination_ip", "2001:db8::1",
            "port", 443,
            "protocol", "tcp",
            "event_type", "login_failure",
            "severity", "high",
            "payload", Map.of("attempts", 7));

    Event event = normalizer.normalize(raw, "acme");

    assertThat(event.get("network.source.ip")).isEqualTo("10.1.2.3");
    assertThat(event.get("network.destination.ip")).isEqualTo("2001:db8::1");
    assertThat(event.get("network.destination.port")).isEqualTo(443L);
    assertThat(event.get("event.type")).isEqualTo("auth");
    assertThat(event.get("event.action")).isEqualTo("login_failure");
    assertThat(event.get("payload.attempts")).isEqualTo(7L);
    assertThat(event.timestamp()).as("ts defaults to ingest time").isEqualTo(NOW);
  }

  @Test
  void canonicalAcceptsDottedKeysAndMovesUnknownFieldsToPayload() throws Exception {
    Event event =
        normalizer.normalize(
            Map.of("process.name", "cmd.exe", "file", Map.of("size", "5"), "vendor", "x"), "t");

    assertThat(event.get("process.name")).isEqualTo("cmd.exe");
    assertThat(event.get("file.size")).isEqualTo(5L);
    assertThat(event.get("payload.vendor")).isEqualTo("x");
    assertThat(event.has("vendor")).isFalse();
  }

  @Test
  void sameContentWithoutIdGetsTheSameDerivedId() throws Exception {
    Map<String, Object> raw = Map.of("ts", "2026-11-22T09:00:00Z", "process", Map.of("name", "a"));

    String first = normalizer.normalize(raw, "t").id();
    String again = normalizer.normalize(raw, "t").id();
    String otherTenant = normalizer.normalize(raw, "u").id();

    assertThat(first).startsWith("evt_").isEqualTo(again);
    assertThat(otherTenant).isNotEqualTo(first);
  }

  @Test
  void wrongTypeNamesTheFieldAndReason() {
    assertThatThrownBy(() -> normalizer.normalize(Map.of("process", Map.of("pid", "abc")), "t"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("process.pid: expected an integer, got a value [abc]");
    assertThatThrownBy(() -> normalizer.normalize(Map.of("ts", "yesterday"), "t"))
        .hasMessage("ts: expected an ISO-8601 timestamp, got [yesterday]");
    assertThatThrownBy(() -> normalizer.normalize(Map.of("host", Map.of("ip", "evil.com")), "t"))
        .hasMessageContaining("host.ip: expected an IPv4 or IPv6 address");
  }

  @Test
  void epochSecondsAndMillisAreBothAccepted() throws Exception {
    assertThat(normalizer.normalize(Map.of("ts", 1_700_000_000), "t").timestamp())
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000));
    assertThat(normalizer.normalize(Map.of("ts", 1_700_000_000_123L), "t").timestamp())
        .isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
  }

  @Test
  void commandLineAloneYieldsArgvAndName() throws Exception {
    Event event =
        normalizer.normalize(
            Map.of("process", Map.of("command_line", "/usr/bin/curl -s http://x")), "t");

    assertThat(event.get("process.cmd")).isEqualTo(List.of("/usr/bin/curl", "-s", "http://x"));
    assertThat(event.get("process.name")).isEqualTo("curl");
  }

  @Test
  void deeplyNestedInputIsRefused() {
    Map<String, Object> deep = Map.of("v", 1);
    for (int i = 0; i < 20; i++) {
      deep = Map.of("n", deep);
    }
    Map<String, Object> raw = Map.of("payload", deep);
    assertThatThrownBy(() -> normalizer.normalize(raw, "t")).hasMessageContaining("nested deeper");
  }
}
