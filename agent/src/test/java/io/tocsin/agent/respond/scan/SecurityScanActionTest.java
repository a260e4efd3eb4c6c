package io.tocsin.agent.respond.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.agent.collect.ConnectionInfo;
import io.tocsin.agent.collect.ProcNetConnectionSource;
import io.tocsin.agent.respond.Command;
import io.tocsin.agent.respond.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole {@code security_scan} action over a fake connection table and real loopback ports. */
class SecurityScanActionTest {

  @TempDir Path dir;

  @Test
  void scanListsServicesProbesLoopbackTlsPortsAndReadsPackages() throws Exception {
    try (TestTlsServer tls = TestTlsServer.tls(dir, "TLSv1.2", "TLSv1.3");
        TestTlsServer ssh = TestTlsServer.plain("SSH-2.0-test\r\n")) {
      List<ConnectionInfo> table =
          List.of(
              listen("tcp4", "127.0.0.1", tls.port(), ProcessHandle.current().pid()),
              listen("tcp6", "::", ssh.port(), -1),
              // bound to another interface only: never probed, only listed
              listen("tcp4", "192.0.2.7", 9, -1),
              new ConnectionInfo("tcp4", "127.0.0.1", 40000, "127.0.0.1", 443, "established", -1),
              new ConnectionInfo("udp4", "0.0.0.0", 53, "0.0.0.0", 0, "none", -1));
      Path status =
          Files.writeString(
              dir.resolve("status"),
              "Package: openssl\nStatus: install ok installed\nVersion: 3.0.15\n");
      SecurityScanAction action =
          new SecurityScanAction(
              new ListeningServices(() -> table, 10),
              Duration.ofSeconds(2),
              new PackageInventory(status, dir.resolve("none"), null, 10),
              8,
              Duration.ofSeconds(30),
              Clock.systemUTC());

      CommandResult result =
          action.execute(new Command("scan_1", "security_scan", Map.of(), "pending"));

      assertThat(result.status()).isEqualTo("succeeded");
      List<?> services = (List<?>) result.details().get("services");
      assertThat(ports(services))
          .containsExactly(
              9, 53, Math.min(tls.port(), ssh.port()), Math.max(tls.port(), ssh.port()));
      assertThat(byPort(services, tls.port()).get("process"))
          .as("the owning process is named")
          .isNotNull();
      List<?> probed = (List<?>) result.details().get("tls");
      assertThat(ports(probed)).containsExactlyInAnyOrder(tls.port(), ssh.port());
      assertThat(byPort(probed, tls.port()).get("offered"))
          .isEqualTo(List.of("TLSv1.2", "TLSv1.3"));
      assertThat(byPort(probed, ssh.port()).get("tls")).isEqualTo(false);
      Map<?, ?> packages = (Map<?, ?>) result.details().get("packages");
      assertThat(packages.get("count")).isEqualTo(1);
      assertThat(result.details().get("errors")).isEqualTo(List.of());
    }
  }

  /** The real connection table, without probing anyone else's ports on this shared machine. */
  @Test
  void realConnectionTableOfThisHostListsTheListenerWithItsProcess() throws Exception {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux /proc only");
    try (TestTlsServer tls = TestTlsServer.tls(dir, "TLSv1.3")) {
      ListeningServices services =
          new ListeningServices(
              new ProcNetConnectionSource(Path.of("/proc"), Duration.ZERO), Integer.MAX_VALUE);

      ListeningServices.Service own =
          services.list().stream()
              .filter(s -> s.tcp() && s.port() == tls.port())
              .findFirst()
              .orElseThrow();

      assertThat(own.onLoopback()).isTrue();
      assertThat(own.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(own.process()).startsWith("java");
    }
  }

  @Test
  void onlyServicesRequestedThenNoTlsOrPackages() {
    SecurityScanAction action =
        new SecurityScanAction(
            new ListeningServices(() -> List.of(listen("tcp4", "0.0.0.0", 22, -1)), 10),
            Duration.ofSeconds(1),
            new PackageInventory(dir.resolve("none"), dir.resolve("none"), null, 10),
            8,
            Duration.ofSeconds(30),
            Clock.systemUTC());

    CommandResult result =
        action.execute(
            new Command(
                "scan_2", "security_scan", Map.of("checks", List.of("services")), "pending"));

    assertThat(result.details()).containsKey("services").doesNotContainKeys("tls", "packages");
  }

  @Test
  void moreTlsPortsThanTheBoundThenTheRestAreReportedSkipped() {
    List<ConnectionInfo> many =
        List.of(
            listen("tcp4", "127.0.0.1", 1, -1),
            listen("tcp4", "127.0.0.1", 2, -1),
            listen("tcp4", "127.0.0.1", 3, -1));
    SecurityScanAction action =
        new SecurityScanAction(
            new ListeningServices(() -> many, 10),
            Duration.ofMillis(300),
            new PackageInventory(dir.resolve("none"), dir.resolve("none"), null, 10),
            2,
            Duration.ofSeconds(30),
            Clock.systemUTC());

    CommandResult result =
        action.execute(
            new Command("scan_3", "security_scan", Map.of("checks", List.of("tls")), "pending"));

    assertThat((List<?>) result.details().get("tls")).hasSize(2);
    assertThat(result.details().get("tls_skipped_ports")).isEqualTo(List.of(3));
  }

  private static List<Object> ports(List<?> rows) {
    return rows.stream().map(r -> ((Map<?, ?>) r).get("port")).map(Object.class::cast).toList();
  }

  private static Map<?, ?> byPort(List<?> rows, int port) {
    return rows.stream()
        .map(r -> (Map<?, ?>) r)
        .filter(r -> r.get("port").equals(port))
        .findFirst()
        .orElseThrow();
  }

  private static ConnectionInfo listen(String proto, String ip, int port, long pid) {
    return new ConnectionInfo(
        proto, ip, port, proto.endsWith("6") ? "::" : "0.0.0.0", 0, "listen", pid);
  }
}
