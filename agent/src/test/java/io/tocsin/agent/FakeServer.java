package io.tocsin.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server side of the agent contract, in-process on 127.0.0.1 and a random port: records every
 * request; the events status code is scripted per request. {@link #stop()} and {@link #restart()}
 * simulate an outage (connection refused) on the same port.
 */
public final class FakeServer implements AutoCloseable {

  /** One received request. */
  public record Request(
      String method, String path, Map<String, List<String>> headers, byte[] rawBody, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  public static final JsonMapper JSON = JsonMapper.builder().build();

  public final List<Request> requests = new CopyOnWriteArrayList<>();

  /** Every event id received in a batch answered 2xx, in arrival order (duplicates kept). */
  public final List<String> storedIds = Collections.synchronizedList(new ArrayList<>());

  /** Every event received (any answer), as JSON. */
  public final List<JsonNode> receivedEvents = new CopyOnWriteArrayList<>();

  /** Scripted status codes for the next event POSTs; empty = 200. */
  public final ConcurrentLinkedQueue<Integer> eventStatuses = new ConcurrentLinkedQueue<>();

  public volatile IntSupplier defaultEventStatus = () -> 200;

  /**
   * Event ids refused by index, as the real server does: a batch with some of them is a 200 {@code
   * partial} with {@code rejected}, a batch of only such events a 400 naming them.
   */
  /** Scripted 400 bodies for the next event POSTs (before anything else is considered). */
  public final ConcurrentLinkedQueue<String> badRequestBodies = new ConcurrentLinkedQueue<>();

  public final java.util.Set<String> refusedIds =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  public volatile String commandsJson = "{\"commands\":[]}";
  public volatile int resultStatus = 200;

  private HttpServer server;
  private int port;

  public FakeServer() throws IOException {
    start(0);
  }

  private void start(int wanted) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 0);
    server.createContext("/", this::handle);
    server.setExecutor(
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "fake-server");
              t.setDaemon(true);
              return t;
            }));
    server.start();
    port = server.getAddress().getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public java.net.URI uri() {
    return java.net.URI.create(url());
  }

  public int port() {
    return port;
  }

  /** Goes away: connections are refused until {@link #restart()}. */
  public void stop() {
    server.stop(0);
  }

  public void restart() throws IOException {
    start(port);
  }

  public List<Request> requestsTo(String pathPrefix) {
    return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] raw;
    try (InputStream in = ex.getRequestBody()) {
      raw = in.readAllBytes();
    }
    String path = ex.getRequestURI().getPath();
    String body = decode(raw, ex.getRequestHeaders().getFirst("Content-Encoding"));
    requests.add(
        new Request(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders()), raw, body));
    if (path.equals("/api/v1/events")) {
      Integer scripted = eventStatuses.poll();
      int status = scripted != null ? scripted : defaultEventStatus.getAsInt();
      JsonNode events = JSON.readTree(body);
      List<String> ids = new ArrayList<>();
      for (JsonNode e : events) {
        receivedEvents.add(e);
        ids.add(e.path("id").asString());
      }
      String badRequest = badRequestBodies.poll();
      if (badRequest != null) {
        reply(ex, 400, badRequest);
        return;
      }
      List<Map<String, Object>> refused = new ArrayList<>();
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (refusedIds.contains(ids.get(i))) {
          refused.add(Map.of("index", i, "reason", "refused by the test"));
        } else {
          kept.add(ids.get(i));
        }
      }
      if (status / 100 == 2 && !refused.isEmpty()) {
        if (kept.isEmpty()) {
          reply(
              ex,
              400,
              JSON.writeValueAsString(
                  Map.of(
                      "error",
                      Map.of(
                          "code",
                          "VALIDATION_ERROR",
                          "message",
                          "No event accepted",
                          "details",
                          Map.of("rejected", refused)))));
          return;
        }
        storedIds.addAll(kept);
        reply(
            ex,
            200,
            JSON.writeValueAsString(
                Map.of(
                    "status",
                    "partial",
                    "count",
                    kept.size(),
                    "events_ingested",
                    kept,
                    "rejected",
                    refused)));
      } else if (status / 100 == 2) {
        storedIds.addAll(ids);
        reply(
            ex,
            status,
            JSON.writeValueAsString(
                Map.of("status", "ok", "count", ids.size(), "events_ingested", ids)));
      } else {
        reply(ex, status, "{\"error\":{\"code\":\"X\",\"message\":\"scripted " + status + "\"}}");
      }
    } else if (path.equals("/api/v1/submit/")) {
      reply(ex, 201, "{\"status\":\"success\"}");
    } else if (path.equals("/api/v1/health")) {
      reply(ex, 200, "{\"status\":\"UP\"}");
    } else if (path.matches("/api/v1/agents/[^/]+/commands")) {
      reply(ex, 200, commandsJson);
    } else if (path.matches("/api/v1/agents/[^/]+/commands/[^/]+/result")) {
      reply(ex, resultStatus, "{\"status\":\"ok\"}");
    } else {
      reply(ex, 404, "{}");
    }
  }

  private static String decode(byte[] raw, String encoding) throws IOException {
    if ("gzip".equalsIgnoreCase(encoding)) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return new String(raw, StandardCharsets.UTF_8);
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
