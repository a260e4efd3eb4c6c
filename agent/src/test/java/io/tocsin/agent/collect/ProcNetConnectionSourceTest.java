package io.tocsin.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcNetConnectionSourceTest {

  @Test
  void decodesKernelHexAddresses() {
    assertThat(ProcNetConnectionSource.ip("0100007F")).isEqualTo("127.0.0.1");
    assertThat(ProcNetConnectionSource.ip("0500000A")).isEqualTo("10.0.0.5");
    assertThat(ProcNetConnectionSource.ip("00000000000000000000000001000000"))
        .isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(ProcNetConnectionSource.ip("B80D0120000000000000000007000000"))
        .isEqualTo("2001:db8:0:0:0:0:0:7");
  }

  @Test
  void findsThisProcessesListenerAndConnectionWithTheirOwner() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")));
    long self = ProcessHandle.current().pid();
    ProcNetConnectionSource source = new ProcNetConnectionSource(Path.of("/proc"), Duration.ZERO);
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        Socket client = new Socket("127.0.0.1", server.getLocalPort());
        Socket accepted = server.accept()) {
      assertThat(accepted.isConnected()).isTrue();
      List<ConnectionInfo> conns = source.connections();
      assertThat(conns)
          .filteredOn(c -> c.state().equals("listen") && c.localPort() == server.getLocalPort())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.pid()).isEqualTo(self);
                assertThat(c.protocol()).startsWith("tcp");
              });
      assertThat(conns)
          .filteredOn(
              c -> c.state().equals("established") && c.remotePort() == server.getLocalPort())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.pid()).isEqualTo(self);
                assertThat(c.localPort()).isEqualTo(client.getLocalPort());
                assertThat(c.remoteIp()).endsWith("127.0.0.1");
              });
    }
  }
}
