package io.tocsin.api.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on 127.0.0.1: answers each request with the next scripted {@link Reply} (then
 * {@link #fallback}), and records every request it got.
 */
public final class Receiver implements AutoCloseable {

  /** One scripted answer: status, optional {@code Retry-After}, and a delay before answering. */
  public record Reply(int status, String retryAfter, long delayMs) {
    public static Reply status(int status) {
      return new Reply(status, null, 0);
    }
  }

  /** One received request. */
  public record Request(Instant at, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Reply fallback = Reply.status(200);

  public Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public Receiver then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  public Receiver always(Reply reply) {
    fallback = reply;
    return this;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
    Reply reply = script.poll();
    if (reply == null) {
      reply = fallback;
    }
    if (reply.delayMs() > 0) {
      try {
        Thread.sleep(reply.delayMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    requests.add(new Request(Instant.now(), headers, body));
    if (reply.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
    }
    byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
    try {
      exchange.sendResponseHeaders(reply.status(), answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } catch (IOException clientGone) {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
