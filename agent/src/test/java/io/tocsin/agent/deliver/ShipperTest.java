package io.tocsin.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.agent.FakeServer;
import io.tocsin.agent.TestHost;
import io.tocsin.agent.spool.Spool;
import io.tocsin.model.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ShipperTest {

  @TempDir Path tmp;

  private FakeServer server;
  private final AgentStats stats = new AgentStats();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Sleeper recordingSleeper = sleeps::add;
  private EventQueue queue;
  private Spool spool;
  private Shipper shipper;

  @BeforeEach
  void setUp() throws IOException {
    server = new FakeServer();
    lastStats = () -> stats.snapshot() + " spool=" + spool.events() + " queue=" + queue.size();
    queue = new EventQueue(10_000, stats);
    spool = new Spool(tmp.resolve("spool"), 10L << 20, stats.droppedSpoolFull::addAndGet);
  }

  @AfterEach
  void tearDown() {
    if (shipper != null) {
      shipper.stop();
    }
    server.close();
  }

  private Shipper shipper(int batchSize, int retries, Sleeper sleeper, Clock clock) {
    shipper =
        new Shipper(
            queue,
            new ServerClient(server.uri(), "secret-key", Duration.ofSeconds(30)),
            spool,
            new Shipper.Settings(batchSize, Duration.ofMillis(100), retries),
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5),
            sleeper,
            clock,
            stats);
    return shipper;
  }

  private List<String> offer(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = UUID.randomUUID().toString();
      Event e =
          TestHost.events()
              .event(
                  id,
                  Instant.parse("2026-11-22T10:00:00Z"),
                  "process",
                  "start",
                  Map.of("process.pid", (long) i, "process.cmd", List.of("sh", "-c", "x")));
      assertThat(queue.offer(e)).isTrue();
      ids.add(id);
    }
    return ids;
  }

  @Test
  void batchesBySizeGzipsAndAuthenticates() throws Exception {
    List<String> ids = offer(250);
    shipper(100, 0, recordingSleeper, Clock.systemUTC()).start();
    // The server stores before the shipper sees its 2xx and counts: wait for both.
    await(() -> server.storedIds.size() == 250 && stats.sent.get() == 250);

    List<FakeServer.Request> posts = server.requestsTo("/api/v1/events");
    assertThat(posts).hasSize(3);
    for (FakeServer.Request r : posts) {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.header("X-API-Key")).isEqualTo("secret-key");
      assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(r.header("Content-Type")).isEqualTo("application/json");
      assertThat(r.rawBody()[0] & 0xff).isEqualTo(0x1f);
      assertThat(r.rawBody()[1] & 0xff).isEqualTo(0x8b);
    }
    assertThat(posts)
        .extracting(r -> FakeServer.JSON.readTree(r.body()).size())
        .containsExactly(100, 100, 50);
    assertThat(server.storedIds).containsExactlyElementsOf(ids);
    JsonNode first = server.receivedEvents.get(0);
    assertThat(first.path("ts").asString()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(first.path("process").path("pid").asLong()).isZero();
    assertThat(first.path("process").path("cmd").get(1).asString()).isEqualTo("-c");
    assertThat(first.path("host").path("os").path("family").asString()).isEqualTo("Ubuntu");
    assertThat(first.path("event").path("id").asString()).isEqualTo(ids.get(0));
    assertThat(stats.sent.get()).isEqualTo(250);
  }

  @Test
  void anOutageIsSpooledAndReplayedInOrderWithNothingLost() throws Exception {
    shipper(10, 1, Sleeper.REAL, Clock.systemUTC()).start();
    List<String> ids = new ArrayList<>(offer(15));
    // wait for the agent to see the 2xx (not just the server to store), or the stop below would
    // turn the last response into a lost one and legitimately cause a resend
    await(() -> stats.sent.get() == 15);

    server.stop();
    ids.addAll(offer(25));
    await(() -> stats.spooled.get() == 25);
    ids.addAll(offer(12));
    await(() -> stats.spooled.get() == 37);
    assertThat(spool.events()).isEqualTo(37);

    server.restart();
    await(() -> new LinkedHashSet<>(server.storedIds).size() == ids.size() && spool.isEmpty());
    assertThat(new ArrayList<>(new LinkedHashSet<>(server.storedIds)))
        .as("every id, first arrivals in the order collected")
        .containsExactlyElementsOf(ids);
    assertThat(server.storedIds).as("nothing sent twice after a 2xx").doesNotHaveDuplicates();
    assertThat(stats.replayed.get()).isEqualTo(37);
    assertThat(stats.dropped()).isZero();
    assertThat(stats.rejected.get()).isZero();
    assertThat(stats.failed.get()).isPositive();
  }

  @Test
  void aLostResponseIsResentWithTheSameIds() throws Exception {
    server.eventStatuses.add(500);
    List<String> ids = offer(5);
    Shipper s = shipper(100, 3, recordingSleeper, Clock.systemUTC());
    s.handle(s.nextBatch());

    assertThat(server.receivedEvents)
        .extracting(e -> e.path("id").asString())
        .containsExactlyElementsOf(concat(ids, ids));
    assertThat(server.storedIds).containsExactlyElementsOf(ids);
    assertThat(stats.retried.get()).isEqualTo(1);
    assertThat(stats.failed.get()).isEqualTo(1);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void tooManyRequestsAndServerErrorsAreRetried() throws Exception {
    server.eventStatuses.add(429);
    server.eventStatuses.add(503);
    List<String> ids = offer(3);
    Shipper s = shipper(100, 3, recordingSleeper, Clock.systemUTC());
    s.handle(s.nextBatch());
    assertThat(server.storedIds).containsExactlyElementsOf(ids);
    assertThat(stats.retried.get()).isEqualTo(2);
    assertThat(stats.sent.get()).isEqualTo(3);
    assertThat(spool.isEmpty()).isTrue();
  }

  @Test
  void aClientErrorWithoutDetailIsSplitUntilEachRefusedEventIsDroppedAlone() throws Exception {
    server.defaultEventStatus = () -> 400;
    offer(7);
    Shipper s = shipper(100, 3, recordingSleeper, Clock.systemUTC());
    s.handle(s.nextBatch());
    // 7 → 3 + 4 → 1 + 2 + 2 + 2 → ... : a binary split, 2n - 1 requests
    assertThat(server.requestsTo("/api/v1/events")).hasSize(13);
    assertThat(stats.rejected.get()).isEqualTo(7);
    assertThat(stats.retried.get()).isZero();
    assertThat(sleeps).isEmpty();
    assertThat(spool.isEmpty()).isTrue();
    assertThat(server.storedIds).isEmpty();
  }

  /** A batch refused as a whole (e.g. too large) loses nothing: its halves are delivered. */
  @Test
  void aBatchRefusedAsAWholeIsDeliveredInHalves() throws Exception {
    server.eventStatuses.add(413);
    List<String> ids = offer(6);
    Shipper s = shipper(100, 3, recordingSleeper, Clock.systemUTC());
    s.handle(s.nextBatch());
    assertThat(server.storedIds).containsExactlyElementsOf(ids);
    assertThat(stats.sent.get()).isEqualTo(6);
    assertThat(stats.rejected.get()).isZero();
  }

  @Test
  void perEventRejectionsDropOnlyThoseEvents() throws Exception {
    List<String> ids = offer(10);
    server.refusedIds.addAll(List.of(ids.get(2), ids.get(5), ids.get(9)));
    Shipper s = shipper(100, 3, recordingSleeper, Clock.systemUTC());
    s.handle(s.nextBatch());
    assertThat(server.storedIds)
        .containsExactlyElementsOf(
            ids.stream().filter(id -> !server.refusedIds.contains(id)).toList());
    assertThat(stats.sent.get()).isEqualTo(7);
    assertThat(stats.rejected.get()).isEqualTo(3);
    assertThat(spool.isEmpty()).isTrue();
  }

  /** A 400 that names the refused items: those are dropped, the others resent and stored. */
  @Test
  void aBadRequestNamingRefusedEventsResendsTheOthers() throws Exception {
    List<String> ids = offer(4);
    server.refusedIds.addAll(ids.subList(0, 4));
    server.eventStatuses.add(200);
    Shipper s = shipper(100, 3, recordingSleeper, Clock.systemUTC());
    s.handle(s.nextBatch());
    assertThat(server.requestsTo("/api/v1/events")).hasSize(1);
    assertThat(stats.rejected.get()).isEqualTo(4);

    List<String> more = offer(5);
    server.badRequestBodies.add(
        "{\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"x\",\"details\":"
            + "{\"rejected\":[{\"index\":1,\"reason\":\"bad\"},{\"index\":3,\"reason\":\"bad\"}]}}}");
    s.handle(s.nextBatch());
    assertThat(server.storedIds).containsExactly(more.get(0), more.get(2), more.get(4));
    assertThat(server.requestsTo("/api/v1/events")).hasSize(3);
    assertThat(stats.rejected.get()).isEqualTo(6);
    assertThat(stats.sent.get()).isEqualTo(3);
  }

  /**
   * Regression: a 401/403 (rotated or revoked key) used to drop the batch. Now the batch is
   * spooled, probed with backoff, and delivered in order once the key is accepted again.
   */
  @Test
  void anAuthErrorPeriodLosesNothing() throws Exception {
    shipper(10, 3, Sleeper.REAL, Clock.systemUTC()).start();
    List<String> ids = new ArrayList<>(offer(5));
    await(() -> stats.sent.get() == 5);

    server.defaultEventStatus = () -> 401;
    ids.addAll(offer(12));
    await(() -> stats.spooled.get() == 12);
    server.defaultEventStatus = () -> 403;
    ids.addAll(offer(8));
    await(() -> stats.spooled.get() == 20);
    int refusedRequests = server.requestsTo("/api/v1/events").size();
    await(() -> server.requestsTo("/api/v1/events").size() > refusedRequests + 1);
    assertThat(spool.events()).as("probes with a refused key keep the spool").isEqualTo(20);

    server.defaultEventStatus = () -> 200;
    await(() -> new LinkedHashSet<>(server.storedIds).size() == ids.size() && spool.isEmpty());
    assertThat(new ArrayList<>(new LinkedHashSet<>(server.storedIds)))
        .containsExactlyElementsOf(ids);
    assertThat(stats.rejected.get()).isZero();
    assertThat(stats.dropped()).isZero();
    assertThat(stats.replayed.get()).isEqualTo(20);
  }

  @Test
  void retryDelaysAreCappedThenTheBatchIsSpooled() throws Exception {
    server.defaultEventStatus = () -> 503;
    offer(4);
    Shipper s = shipper(100, 5, recordingSleeper, Clock.systemUTC());
    s.handle(s.nextBatch());
    assertThat(server.requestsTo("/api/v1/events")).hasSize(6);
    assertThat(sleeps).extracting(Duration::toMillis).containsExactly(8L, 15L, 30L, 30L, 30L);
    assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(40)));
    assertThat(spool.events()).isEqualTo(4);
    assertThat(stats.spooled.get()).isEqualTo(4);
  }

  @Test
  void whileTheSpoolIsNotEmptyTheServerIsProbedOncePerBackoff() throws Exception {
    MutableClock clock = new MutableClock();
    server.defaultEventStatus = () -> 503;
    offer(2);
    Shipper s = shipper(100, 0, recordingSleeper, clock);
    s.handle(s.nextBatch());
    int before = server.requestsTo("/api/v1/events").size();
    s.replaySpool();
    s.replaySpool();
    assertThat(server.requestsTo("/api/v1/events"))
        .as("no probe before the backoff")
        .hasSize(before);
    clock.now = clock.now.plusSeconds(1);
    server.defaultEventStatus = () -> 200;
    s.replaySpool();
    assertThat(server.storedIds).hasSize(2);
    assertThat(spool.isEmpty()).isTrue();
  }

  @Test
  void fullSpoolDropsTheOldestAndCountsThem() throws Exception {
    spool = new Spool(tmp.resolve("small"), 3_000, stats.droppedSpoolFull::addAndGet);
    server.stop();
    Shipper s = shipper(10, 0, recordingSleeper, Clock.systemUTC());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.addAll(offer(10));
      s.handle(s.nextBatch());
    }
    assertThat(stats.droppedSpoolFull.get()).isPositive();
    long kept = spool.events();
    assertThat(kept + stats.droppedSpoolFull.get()).isEqualTo(200);
    server.restart();
    MutableClock later = new MutableClock();
    later.now = Instant.now().plusSeconds(60);
    Shipper replayer = shipper(10, 0, recordingSleeper, later);
    replayer.replaySpool();
    assertThat(server.storedIds).containsExactlyElementsOf(ids.subList(200 - (int) kept, 200));
  }

  @Test
  void stopMovesQueuedEventsToTheSpool() throws Exception {
    offer(30);
    shipper(10, 0, recordingSleeper, Clock.systemUTC()).stop();
    assertThat(spool.events()).isEqualTo(30);
    assertThat(queue.size()).isZero();
    shipper = null;
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() {
    EventQueue tiny = new EventQueue(2, stats);
    Event e = TestHost.events().event("x", Instant.EPOCH, "process", "start", Map.of());
    assertThat(tiny.offer(e)).isTrue();
    assertThat(tiny.offer(e)).isTrue();
    assertThat(tiny.offer(e)).isFalse();
    assertThat(stats.droppedQueueFull.get()).isEqualTo(1);
    assertThat(stats.collected.get()).isEqualTo(2);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static volatile java.util.function.Supplier<String> lastStats = () -> "";

  static void await(BooleanSupplier condition) {
    try {
      Awaitility.await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(10))
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("condition not met in 2 min; " + lastStats.get(), e);
    }
  }

  static final class MutableClock extends Clock {
    volatile Instant now = Instant.parse("2026-11-22T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
