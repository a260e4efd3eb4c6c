package io.tocsin.agent.respond.scan;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A loopback TLS server with a throw-away self-signed key (made by the JDK's keytool) that accepts
 * only the given protocol versions and completes each handshake; or a plain TCP server that sends a
 * banner, for "not TLS".
 */
final class TestTlsServer implements AutoCloseable {

  private static final char[] PASSWORD = "changeit".toCharArray();
  private static volatile SSLContext context;

  private final ServerSocket socket;
  private final ExecutorService acceptor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "test-tls-server");
            t.setDaemon(true);
            return t;
          });

  private final String banner;

  private TestTlsServer(ServerSocket socket, boolean tls, String banner) {
    this.socket = socket;
    this.banner = banner;
    acceptor.submit(() -> serve(tls));
  }

  static TestTlsServer tls(Path dir, String... protocols) throws Exception {
    SSLServerSocket s =
        (SSLServerSocket)
            context(dir)
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    s.setEnabledProtocols(protocols);
    return new TestTlsServer(s, true, "");
  }

  static TestTlsServer plain(String banner) throws IOException {
    ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return new TestTlsServer(s, false, banner);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve(boolean tls) {
    while (!socket.isClosed()) {
      try (Socket c = socket.accept()) {
        c.setSoTimeout(3000);
        if (tls) {
          ((SSLSocket) c).startHandshake();
        } else {
          c.getOutputStream().write(banner.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          c.getOutputStream().flush();
        }
        InputStream in = c.getInputStream();
        in.read(); // until the client closes
      } catch (IOException e) {
        // a refused handshake or a client that hung up: next connection
      }
    }
  }

  private static synchronized SSLContext context(Path dir) throws Exception {
    if (context == null) {
      Path store = dir.resolve("server.p12");
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "test",
                  "-keyalg",
                  "RSA",
                  "-keysize",
                  "2048",
                  "-dname",
                  "CN=localhost",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  store.toString(),
                  "-storepass",
                  new String(PASSWORD),
                  "-keypass",
                  new String(PASSWORD))
              .redirectErrorStream(true)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(new String(p.getInputStream().readAllBytes()));
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        ks.load(in, PASSWORD);
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, PASSWORD);
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(kmf.getKeyManagers(), null, null);
      context = c;
    }
    return context;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    acceptor.shutdownNow();
  }
}
