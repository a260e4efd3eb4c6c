package io.tocsin.api.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client (the JDK's) for tests: collects text messages, records the close, and can
 * stop reading ({@link #pause}) to play a slow consumer: the JDK client reads the socket only as
 * far as the listener requests messages.
 */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The server's close frame. */
  record Close(int code, String reason) {}

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean paused;
  private WebSocket socket;

  private SocketClient() {}

  static SocketClient connect(int port, String path, Map<String, String> headers) {
    SocketClient client = new SocketClient();
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), client).join();
    return client;
  }

  static SocketClient bearer(int port, String token) {
    return connect(port, "/ws", Map.of("Authorization", "Bearer " + token));
  }

  void send(Object message) {
    socket.sendText(JSON.writeValueAsString(message), true).join();
  }

  /** Stops requesting messages: the server's writes back up into its buffer. */
  void pause() {
    paused = true;
  }

  /**
   * Reads again, one message at a time as before the pause: a single huge request right after the
   * server's close can trip the JDK client's receiver ({@code InternalError} in {@code
   * acknowledgeReception}, seen once on a loaded machine).
   */
  void resume() {
    paused = false;
    socket.request(1);
  }

  /** Messages up to and including the first matching one (30 s at most). */
  List<JsonNode> await(Predicate<JsonNode> wanted, String what) throws InterruptedException {
    List<JsonNode> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonNode m = messages.poll(200, TimeUnit.MILLISECONDS);
      if (m != null) {
        seen.add(m);
        if (wanted.test(m)) {
          return seen;
        }
      }
    }
    throw new AssertionError("no message " + what + " in " + seen);
  }

  List<JsonNode> awaitType(String type) throws InterruptedException {
    return await(m -> type.equals(m.path("type").asString()), "of type " + type);
  }

  /** Whatever arrives within {@code quiet} (for "and nothing else" assertions). */
  List<JsonNode> drain(Duration quiet) throws InterruptedException {
    List<JsonNode> seen = new ArrayList<>();
    JsonNode m;
    while ((m = messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      seen.add(m);
    }
    return seen;
  }

  Close awaitClose() throws Exception {
    return closed.get(60, TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(JSON.readTree(partial.toString()));
      partial.setLength(0);
    }
    if (!paused) {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }
}
