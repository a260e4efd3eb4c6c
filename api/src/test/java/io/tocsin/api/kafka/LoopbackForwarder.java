package io.tocsin.api.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback TCP port that is closed until {@link #forwardTo} opens it onto another local port: a
 * broker address that is "down" and later "back", for bootstrap tests (Kafka clients then talk to
 * the broker's advertised address directly).
 */
final class LoopbackForwarder implements AutoCloseable {

  private final int port;
  private ServerSocket server;

  LoopbackForwarder() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  synchronized void forwardTo(int targetPort) throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket client = server.accept();
                  Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                  pump(client, target);
                  pump(target, client);
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "test-forwarder-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void pump(Socket from, Socket to) {
    Thread copier =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException ended) {
                // either side closed
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
              }
            },
            "test-forwarder-pump");
    copier.setDaemon(true);
    copier.start();
  }

  @Override
  public synchronized void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }
}
