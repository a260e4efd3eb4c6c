// Fills an embedded store (TOCSIN_DATA_DIR/tocsin-store.mv) with copies of the events already in it,
// the way the server writes them: batches of 500, one commit + fsync per batch, 4 writer threads.
// Bounded: stops at the target count. Run with the server stopped, on a data dir the server has
// already ingested some events into (IngestLoad for a minute), with the packaged jar's classes:
//
//   mkdir x && (cd x && unzip -q ../api/target/tocsin.jar)
//   java -cp 'x/BOOT-INF/classes:x/BOOT-INF/lib/*' samples/bench/FillEmbeddedStore.java DATA_DIR 1000000
//
// Used for the crash start-up measurement in docs/performance.md.
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import io.tocsin.api.storage.h2.BsonH2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.h2.mvstore.MVStore;

public class FillEmbeddedStore {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0], "tocsin-store.mv");
    long target = Long.parseLong(args[1]);
    MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    MongoServer server = new MongoServer(BsonH2Backend.open(store, false));
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      MongoCollection<Document> events = client.getDatabase("tocsin").getCollection("events");
      List<Document> samples = events.find().limit(2000).into(new ArrayList<>());
      if (samples.isEmpty()) {
        throw new IllegalStateException("no events to copy in " + file);
      }
      AtomicLong count = new AtomicLong(events.countDocuments());
      Object lock = new Object();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        Thread t =
            new Thread(
                () -> {
                  long n = 0;
                  while (count.get() < target) {
                    List<Document> batch = new ArrayList<>(500);
                    for (int i = 0; i < 500; i++) {
                      Document copy = new Document(samples.get((int) (n % samples.size())));
                      String id = "fill-" + writer + "-" + n++;
                      copy.put("_id", copy.getString("tenant_id") + ":" + id);
                      copy.put("id", id);
                      batch.add(copy);
                    }
                    events.insertMany(batch);
                    synchronized (lock) {
                      store.commit();
                      store.sync();
                    }
                    long now = count.addAndGet(batch.size());
                    if (now % 50_000 < 500) {
                      System.out.println(now + " events");
                    }
                  }
                },
                "fill-" + w);
        t.start();
        writers.add(t);
      }
      for (Thread t : writers) {
        t.join();
      }
      System.out.println("events: " + events.countDocuments());
    } finally {
      server.shutdown();
    }
  }
}
