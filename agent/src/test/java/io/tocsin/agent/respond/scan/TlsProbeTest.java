package io.tocsin.agent.respond.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS version probe against real loopback listeners. */
class TlsProbeTest {

  @TempDir Path dir;

  private final TlsProbe probe =
      new TlsProbe(InetAddress.getLoopbackAddress(), Duration.ofSeconds(2));

  @Test
  void serverWithOnlyTls12And13ThenExactlyThoseAreOffered() throws Exception {
    try (TestTlsServer server = TestTlsServer.tls(dir, "TLSv1.2", "TLSv1.3")) {
      Map<String, Object> result = probe.probe(server.port());

      assertThat(result.get("tls")).isEqualTo(true);
      assertThat(result.get("offered")).isEqualTo(List.of("TLSv1.2", "TLSv1.3"));
      assertThat(result.get("not_offered")).isEqualTo(List.of("TLSv1", "TLSv1.1"));
    }
  }

  @Test
  void serverWithOnlyTls13ThenTls12IsNotOffered() throws Exception {
    try (TestTlsServer server = TestTlsServer.tls(dir, "TLSv1.3")) {
      Map<String, Object> result = probe.probe(server.port());

      assertThat(result.get("tls")).isEqualTo(true);
      assertThat(result.get("offered")).isEqualTo(List.of("TLSv1.3"));
    }
  }

  @Test
  void serverWithOnlyTls12ThenTheRawHelloIsAccepted() throws Exception {
    try (TestTlsServer server = TestTlsServer.tls(dir, "TLSv1.2")) {
      Map<String, Object> result = probe.probe(server.port());

      assertThat(result.get("offered")).isEqualTo(List.of("TLSv1.2"));
    }
  }

  @Test
  void plainTcpServiceThenNotTlsAndNothingOffered() throws Exception {
    try (TestTlsServer server = TestTlsServer.plain("SSH-2.0-OpenSSH_9.2\r\n")) {
      Map<String, Object> result = probe.probe(server.port());

      assertThat(result.get("tls")).isEqualTo(false);
      assertThat(result.get("offered")).isEqualTo(List.of());
    }
  }

  @Test
  void nonLoopbackAddressIsRefused() {
    assertThatThrownBy(
            () -> new TlsProbe(InetAddress.getByName("192.0.2.10"), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback only");
  }

  @Test
  void rawAnswerServerHelloWithTheOfferedLegacyVersionIsAccepted() throws Exception {
    // record: handshake, TLS 1.1, len; handshake: ServerHello, len, server_version 3.2
    byte[] hello = {0x16, 3, 2, 0, 6, 2, 0, 0, 2, 3, 2};
    byte[] alert = {0x15, 3, 1, 0, 2, 2, 70};
    byte[] http = "HTTP/1.1 400 Bad Request\r\n".getBytes();

    assertThat(RawClientHello.read(new ByteArrayInputStream(hello), RawClientHello.TLS11))
        .isEqualTo(RawClientHello.Answer.ACCEPTED);
    assertThat(RawClientHello.read(new ByteArrayInputStream(hello), RawClientHello.TLS10))
        .as("a ServerHello for another version is a refusal")
        .isEqualTo(RawClientHello.Answer.REFUSED);
    assertThat(RawClientHello.read(new ByteArrayInputStream(alert), RawClientHello.TLS10))
        .isEqualTo(RawClientHello.Answer.REFUSED);
    assertThat(RawClientHello.read(new ByteArrayInputStream(http), RawClientHello.TLS10))
        .isEqualTo(RawClientHello.Answer.NOT_TLS);
    assertThat(RawClientHello.read(new ByteArrayInputStream(new byte[0]), RawClientHello.TLS10))
        .isEqualTo(RawClientHello.Answer.NOT_TLS);
  }

  @Test
  void builtHelloIsOneHandshakeRecordOfTheStatedLength() {
    byte[] hello = RawClientHello.build(RawClientHello.TLS11);

    assertThat(hello[0]).isEqualTo((byte) 0x16);
    int length = ((hello[3] & 0xFF) << 8) | (hello[4] & 0xFF);
    assertThat(hello.length).isEqualTo(5 + length);
    assertThat(hello[5]).as("ClientHello").isEqualTo((byte) 1);
    assertThat(new byte[] {hello[9], hello[10]}).as("client_version").containsExactly(3, 2);
  }
}
