package io.tocsin.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import io.tocsin.api.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Resume cursors over real sockets: reconnecting with the last id seen replays the rest from the
 * log without gap or duplicate, an id committed late is still delivered in order, an aged-out id
 * says {@code resync}, and a client that stops reading is cut off instead of buffered.
 */
class StreamResumeTest extends ApiTest {

  @Autowired StreamPublisher publisher;
  @Autowired StreamLog streamLog;
  @Autowired StreamHub hub;
  @Autowired MongoTemplate mongo;

  private final String host = "resume-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void reconnectWithLastIdReplaysTheRestThenGoesLiveWithoutGapOrDuplicate() throws Exception {
    long lastSeen;
    try (SocketClient ws = subscribed(null)) {
      publish(1, 2, 3);
      List<JsonNode> first = awaitDevice(ws, 3);
      assertThat(numbers(first)).containsExactly(1, 2, 3);
      lastSeen = first.get(1).path("id").asLong(); // the client got as far as n=2, then dropped
    }
    publish(4, 5);

    try (SocketClient ws = subscribed(lastSeen)) {
      assertThat(numbers(awaitDevice(ws, 5))).containsExactly(3, 4, 5);
      publish(6);
      assertThat(numbers(awaitDevice(ws, 6))).containsExactly(6);
      assertThat(numbers(ws.drain(Duration.ofMillis(800)))).isEmpty();
    }
  }

  @Test
  void idCommittedAfterAHigherOneIsStillDeliveredFirst() throws Exception {
    try (SocketClient ws = subscribed(null)) {
      long late = streamLog.allocate(1); // a writer that has its id but has not written yet
      publish(2); // another writer commits late+1 first

      assertThat(numbers(ws.drain(Duration.ofMillis(1000))))
          .as("held back behind the missing id")
          .isEmpty();
      streamLog.write(late, List.of(entry(1)), Instant.now(), Instant.now().plusSeconds(600));

      List<JsonNode> got = awaitDevice(ws, 2);
      assertThat(numbers(got)).containsExactly(1, 2);
      assertThat(got.get(0).path("id").asLong()).isEqualTo(late);
    }
  }

  @Test
  void idNeverWrittenIsGivenUpOnAfterTheGrace() throws Exception {
    try (SocketClient ws = subscribed(null)) {
      streamLog.allocate(1); // its writer died
      long start = System.nanoTime();
      publish(7);
      assertThat(numbers(awaitDevice(ws, 7))).containsExactly(7);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void lastIdNoLongerInTheLogSaysResync() throws Exception {
    publish(1);
    long newest = streamLog.head();
    // the tailer has passed it (an earlier test may have left it a backlog), then it ages out
    await().atMost(Duration.ofSeconds(60)).until(() -> hub.watermark() >= newest);
    mongo.getCollection(StreamLog.COLLECTION).deleteMany(Filters.lte("_id", newest)); // aged out
    try (SocketClient ws = subscribed(newest - 1)) {
      JsonNode resync = ws.awaitType("resync").get(0);
      assertThat(resync.path("reason").asString()).contains("no longer in the stream log");
      publish(2);
      assertThat(numbers(awaitDevice(ws, 2))).containsExactly(2);
    }
  }

  @Test
  void clientThatStopsReadingIsCutOffWith4008() throws Exception {
    // Sockets of earlier tests are removed asynchronously: counting from a moving base raced (a
    // removal landing with our subscribe left the count unchanged on a loaded machine).
    await().atMost(Duration.ofSeconds(60)).until(() -> hub.subscribers("default") == 0);
    int before = 0;
    try (SocketClient ws = subscribed(null)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> hub.subscribers("default") == before + 1);
      ws.pause();
      String big = "x".repeat(16 * 1024);
      for (int batch = 0; batch < 40 && hub.subscribers("default") > before; batch++) {
        List<StreamPublisher.Message> messages =
            java.util.stream.IntStream.range(0, 200)
                .mapToObj(
                    i ->
                        new StreamPublisher.Message(
                            "default",
                            StreamTopic.DEVICES,
                            "device.updated",
                            Map.of("host_id", host, "n", i, "padding", big)))
                .toList();
        publisher.publishAll(messages);
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> hub.subscribers("default") == before);
      ws.resume();
      SocketClient.Close close = ws.awaitClose();
      assertThat(close.code()).isEqualTo(4008);
      assertThat(close.reason()).matches("slow consumer: (\\d+ messages behind|not reading)");
    }
  }

  private SocketClient subscribed(Long lastId) throws InterruptedException {
    SocketClient ws = SocketClient.bearer(port, login("admin", ADMIN_PASSWORD));
    Map<String, Object> subscribe =
        lastId == null
            ? Map.of("type", "subscribe", "topics", List.of("devices"), "host", host)
            : Map.of(
                "type", "subscribe", "topics", List.of("devices"), "host", host, "last_id", lastId);
    ws.send(subscribe);
    ws.awaitType("subscribed");
    return ws;
  }

  private void publish(int... numbers) {
    for (int n : numbers) {
      publisher.publish("default", StreamTopic.DEVICES, "device.updated", device(n));
    }
  }

  private Map<String, Object> device(int n) {
    return Map.of("host_id", host, "n", n);
  }

  private StreamLog.Entry entry(int n) {
    return new StreamLog.Entry(
        "default", StreamTopic.DEVICES, "device.updated", null, null, host, device(n));
  }

  private static List<JsonNode> awaitDevice(SocketClient ws, int n) throws InterruptedException {
    return ws.await(m -> m.path("data").path("n").asInt(-1) == n, "device n=" + n).stream()
        .filter(m -> "device".equals(m.path("type").asString()))
        .toList();
  }

  private static List<Integer> numbers(List<JsonNode> messages) {
    return messages.stream()
        .filter(m -> "device".equals(m.path("type").asString()))
        .map(m -> m.path("data").path("n").asInt())
        .toList();
  }
}
