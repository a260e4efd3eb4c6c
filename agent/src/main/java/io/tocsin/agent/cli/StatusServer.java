package io.tocsin.agent.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tocsin.agent.deliver.EventCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code GET http://127.0.0.1:<port>/status}: the running agent's stats as JSON. Bound to loopback
 * only; off unless {@code TOCSIN_AGENT_STATUS_PORT} is set.
 */
final class StatusServer implements AutoCloseable {

  private final HttpServer server;

  StatusServer(int port, Supplier<Map<String, Object>> state) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/status", exchange -> respond(exchange, state.get()));
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "tocsin-status-http");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, Map<String, Object> body) throws IOException {
    byte[] json = EventCodec.JSON.writeValueAsBytes(body);
    int status = "GET".equals(exchange.getRequestMethod()) ? 200 : 405;
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
