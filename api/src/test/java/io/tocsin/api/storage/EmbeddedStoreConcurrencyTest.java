package io.tocsin.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import io.tocsin.api.storage.h2.BsonH2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many writers on the embedded store while it commits, as on a busy server.
 *
 * <p>Regression: the stock update code changes the stored document in place, and H2 serialised that
 * same (live) object in {@code MVStore.commit} on the committing thread: a {@code
 * ConcurrentModificationException} in {@code BsonDocumentType.write}, after which H2 closed the
 * store and every later write answered {@code This store is closed} until a restart.
 */
class EmbeddedStoreConcurrencyTest {

  private static final int WRITERS = 8;
  private static final int DOCUMENTS = 8;
  private static final int UPDATES_PER_WRITER = 100;
  private static final int FIELDS = 200;

  @TempDir Path dir;

  @Test
  void manyWritersWhileCommittingThenStoreStaysOpenAndEveryWriteIsKept() throws Exception {
    MVStore store =
        new MVStore.Builder()
            .fileName(dir.resolve("stress.mv").toString())
            .autoCommitDisabled()
            .open();
    MongoServer server = new MongoServer(BsonH2Backend.open(store, false));
    InetSocketAddress address = server.bind();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try (EmbeddedStoreCommitter committer = new EmbeddedStoreCommitter(store, 1);
        MongoClient client =
            MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?maxPoolSize=16")) {
      MongoCollection<Document> alerts = client.getDatabase("tocsin").getCollection("alerts");
      List<Document> seed = new ArrayList<>();
      for (int d = 0; d < DOCUMENTS; d++) {
        Document doc = new Document("_id", "a" + d);
        for (int f = 0; f < FIELDS; f++) {
          doc.append("f" + f, new Document("value", f).append("list", List.of(f, "x" + f)));
        }
        seed.add(doc);
      }
      alerts.insertMany(seed);
      committer.awaitDurable();

      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        done.add(
            writers.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < UPDATES_PER_WRITER; i++) {
                    String id = "a" + (writer % DOCUMENTS);
                    try {
                      // A new top-level field and a removed one: the stored map changes shape.
                      alerts.updateOne(
                          Filters.eq("_id", id),
                          Updates.combine(
                              Updates.set("w" + writer + "_" + i, i),
                              Updates.unset("w" + writer + "_" + (i - 1))));
                      committer.awaitDurable();
                    } catch (RuntimeException e) {
                      failures.add(e);
                      return null;
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> writer : done) {
        writer.get(10, TimeUnit.MINUTES);
      }

      assertThat(failures).as("writes that failed").isEmpty();
      assertThat(store.isClosed()).as("store closed by a failed commit").isFalse();
      // Each writer's document has its last field and not the one before, which it removed.
      for (int w = 0; w < WRITERS; w++) {
        int last = UPDATES_PER_WRITER - 1;
        Document doc = alerts.find(Filters.eq("_id", "a" + (w % DOCUMENTS))).first();
        assertThat(doc).containsEntry("w" + w + "_" + last, last);
        assertThat(doc).doesNotContainKey("w" + w + "_" + (last - 1));
      }
    } finally {
      writers.shutdownNow();
      server.shutdown();
    }
  }
}
