package io.tocsin.agent.respond.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Which TLS versions a port of this host offers, asked over loopback only. TLS 1.2 and 1.3 are
 * tried with real JSSE handshakes; TLS 1.0 and 1.1, which the JDK will not speak, with a raw
 * ClientHello ({@link RawClientHello}). A port that neither answers a TLS 1.2 hello with a TLS
 * record nor completes a TLS 1.3 handshake (some servers hang up on a hello they dislike) is
 * reported as not TLS and not asked again.
 */
final class TlsProbe {

  static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  private final InetAddress loopback;
  private final Duration timeout;
  private final SSLContext context;

  TlsProbe(InetAddress loopback, Duration timeout) {
    if (!loopback.isLoopbackAddress()) {
      throw new IllegalArgumentException("TLS probes go to loopback only, not " + loopback);
    }
    this.loopback = loopback;
    this.timeout = timeout;
    this.context = acceptingContext();
  }

  /** {@code {port, tls, offered[], not_offered[]}} for one port. */
  Map<String, Object> probe(int port) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("port", port);
    RawClientHello.Answer first = raw(port, RawClientHello.TLS12);
    boolean tls = first != RawClientHello.Answer.NOT_TLS || handshake(port, "TLSv1.3");
    out.put("tls", tls);
    List<String> offered = new ArrayList<>();
    List<String> notOffered = new ArrayList<>();
    if (tls) {
      for (String version : VERSIONS) {
        (offers(port, version, first) ? offered : notOffered).add(version);
      }
    }
    out.put("offered", offered);
    out.put("not_offered", notOffered);
    return out;
  }

  private boolean offers(int port, String version, RawClientHello.Answer tls12Raw) {
    return switch (version) {
      case "TLSv1" -> raw(port, RawClientHello.TLS10) == RawClientHello.Answer.ACCEPTED;
      case "TLSv1.1" -> raw(port, RawClientHello.TLS11) == RawClientHello.Answer.ACCEPTED;
      case "TLSv1.2" -> tls12Raw == RawClientHello.Answer.ACCEPTED || handshake(port, version);
      default -> handshake(port, version);
    };
  }

  private RawClientHello.Answer raw(int port, int version) {
    try (Socket s = connect(port)) {
      OutputStream out = s.getOutputStream();
      out.write(RawClientHello.build(version));
      out.flush();
      return RawClientHello.read(s.getInputStream(), version);
    } catch (IOException e) {
      return RawClientHello.Answer.NOT_TLS;
    }
  }

  /** A full JSSE handshake limited to {@code version}. */
  private boolean handshake(int port, String version) {
    try (Socket plain = connect(port);
        SSLSocket s =
            (SSLSocket)
                context
                    .getSocketFactory()
                    .createSocket(plain, loopback.getHostAddress(), port, true)) {
      s.setEnabledProtocols(new String[] {version});
      s.startHandshake();
      return version.equals(s.getSession().getProtocol());
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private Socket connect(int port) throws IOException {
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(loopback, port), (int) timeout.toMillis());
      s.setSoTimeout((int) timeout.toMillis());
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  /**
   * Accepts any certificate: the probe only asks which versions complete a handshake and sends no
   * data, so who the peer is does not matter here (and self-signed certificates are common).
   */
  private static SSLContext acceptingContext() {
    TrustManager any =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    try {
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(null, new TrustManager[] {any}, null);
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS in this JVM", e);
    }
  }
}
