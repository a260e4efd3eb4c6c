package io.tocsin.api.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents and unique indexes written through the BSON maps survive a restart unchanged. */
class BsonH2BackendTest {

  @TempDir Path dir;

  private Document richDocument(String id) {
    return new Document("_id", id)
        .append("tenant_id", "t1")
        .append("id", id)
        .append("int", 42)
        .append("long", 1L << 40)
        .append("double", 2.5)
        .append("bool", true)
        .append("nothing", null)
        .append("date", new Date(1_700_000_000_000L))
        .append("oid", new ObjectId("65a1b2c3d4e5f60718293a4b"))
        .append("bytes", new Binary(new byte[] {1, 2, 3}))
        .append("list", List.of("a", 1, new Document("k", "v")))
        .append(
            "nested", new Document("process", new Document("name", "cmd.exe").append("pid", 7)));
  }

  private void withStore(Consumer<MongoCollection<Document>> work) {
    withDatabase(db -> work.accept(db.getCollection("events")));
  }

  private void withDatabase(Consumer<MongoDatabase> work) {
    withDatabase(true, work);
  }

  private void withDatabase(boolean secondaryIndexes, Consumer<MongoDatabase> work) {
    MongoServer server =
        new MongoServer(
            BsonH2Backend.open(MVStore.open(dir.resolve("s.mv").toString()), secondaryIndexes));
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      work.accept(client.getDatabase("tocsin"));
    } finally {
      server.shutdown();
    }
  }

  @Test
  void documentsAndUniqueIndexesSurviveARestart() {
    withStore(
        events -> {
          events.createIndex(Indexes.ascending("tenant_id", "id"), new IndexOptions().unique(true));
          List<Document> docs = new ArrayList<>();
          for (int i = 0; i < 1500; i++) {
            docs.add(richDocument(String.format("e%05d", i)));
          }
          events.insertMany(docs);
          events.insertOne(new Document("plain", "generated object id"));
        });

    withStore(
        events -> {
          assertThat(events.countDocuments()).isEqualTo(1501);
          Document read = events.find(Filters.eq("_id", "e00007")).first();
          assertThat(read).isEqualTo(richDocument("e00007"));
          assertThat(events.find(Filters.eq("plain", "generated object id")).first().get("_id"))
              .isInstanceOf(ObjectId.class);

          // Both unique indexes (the _id one and the compound one) still reject duplicates.
          Document sameId = richDocument("e00010");
          assertThatThrownBy(() -> events.insertOne(sameId))
              .isInstanceOfSatisfying(
                  MongoWriteException.class,
                  e ->
                      assertThat(e.getError().getCategory())
                          .isEqualTo(ErrorCategory.DUPLICATE_KEY));
          Document sameTenantAndEventId = richDocument("e00011").append("_id", "other");
          assertThatThrownBy(() -> events.insertOne(sameTenantAndEventId))
              .isInstanceOf(MongoWriteException.class);

          // Ranges and sorts on keys read through the BSON key type.
          List<Object> ids =
              events
                  .find(Filters.and(Filters.gte("_id", "e01495"), Filters.lt("_id", "e01498")))
                  .sort(Sorts.descending("_id"))
                  .map(d -> d.get("_id"))
                  .into(new ArrayList<>());
          assertThat(ids).containsExactly("e01497", "e01496", "e01495");

          events.updateOne(Filters.eq("_id", "e00001"), Updates.set("int", 43));
          events.deleteOne(Filters.eq("_id", "e00002"));
        });

    withStore(
        events -> {
          assertThat(events.find(Filters.eq("_id", "e00001")).first().getInteger("int"))
              .isEqualTo(43);
          assertThat(events.find(Filters.eq("_id", "e00002")).first()).isNull();
          // The deleted event's index entry went with it: its id can be stored again.
          events.insertOne(richDocument("e00002"));
          assertThat(events.countDocuments()).isEqualTo(1501);
        });
  }

  /** Many equal sort keys, two tenants, in an order unrelated to the keys. */
  private static List<Document> shuffledEvents(int count) {
    List<Document> docs = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < count; i++) {
      docs.add(
          new Document("_id", "t" + (i % 2) + ":e" + random.nextInt(1_000_000) + "-" + i)
              .append("tenant_id", "t" + (i % 2))
              .append("id", "e" + i)
              .append("ts", new Date(1_700_000_000_000L + random.nextInt(50) * 1000L))
              .append("host", "h" + random.nextInt(5)));
    }
    return docs;
  }

  @Test
  void sortedLimitedQueriesAnswerLikeAFullSort() {
    withStore(
        events -> {
          events.insertMany(shuffledEvents(3000));
          Bson filter = Filters.eq("tenant_id", "t1");
          for (Bson sort :
              List.of(
                  Sorts.descending("ts"),
                  Sorts.ascending("ts"),
                  Sorts.orderBy(Sorts.descending("ts"), Sorts.ascending("host")))) {
            // No limit: the stock path (collect everything, stable sort).
            List<Object> all =
                events.find(filter).sort(sort).map(d -> d.get("_id")).into(new ArrayList<>());
            assertThat(all).hasSize(1500);
            for (int[] skipAndLimit : new int[][] {{0, 1}, {0, 10}, {37, 25}, {1490, 50}}) {
              int skip = skipAndLimit[0];
              int limit = skipAndLimit[1];
              List<Object> page =
                  events
                      .find(filter)
                      .sort(sort)
                      .skip(skip)
                      .limit(limit)
                      .map(d -> d.get("_id"))
                      .into(new ArrayList<>());
              assertThat(page)
                  .as("%s skip %d limit %d", sort, skip, limit)
                  .containsExactlyElementsOf(all.subList(skip, Math.min(all.size(), skip + limit)));
            }
          }
        });
  }

  @Test
  void queriesPinningAUniqueIndexStillApplyTheirOtherConditions() {
    withStore(
        events -> {
          events.createIndex(Indexes.ascending("tenant_id", "id"), new IndexOptions().unique(true));
          events.insertMany(shuffledEvents(200));
          Document one = events.find(Filters.eq("id", "e7")).first();
          String key = one.getString("_id");
          String tenant = one.getString("tenant_id");

          assertThat(
                  events.find(Filters.and(Filters.eq("_id", key), Filters.eq("tenant_id", tenant))))
              .extracting(d -> d.get("id"))
              .containsExactly("e7");
          assertThat(
                  events.find(Filters.and(Filters.eq("_id", key), Filters.eq("tenant_id", "t9"))))
              .isEmpty();
          assertThat(
                  events.find(
                      Filters.and(
                          Filters.in(
                              "_id",
                              key,
                              "missing",
                              events.find(Filters.eq("id", "e8")).first().get("_id")),
                          Filters.eq("tenant_id", tenant))))
              .extracting(d -> d.get("id"))
              .containsExactly("e7");
          // The compound index with one more condition.
          assertThat(
                  events.find(
                      Filters.and(
                          Filters.eq("tenant_id", tenant),
                          Filters.eq("id", "e7"),
                          Filters.eq("host", one.getString("host")))))
              .hasSize(1);
          assertThat(
                  events.find(
                      Filters.and(
                          Filters.eq("tenant_id", tenant),
                          Filters.eq("id", "e7"),
                          Filters.ne("host", one.getString("host")))))
              .isEmpty();
          // Deletes and updates take the same path.
          events.updateOne(
              Filters.and(Filters.eq("_id", key), Filters.eq("tenant_id", tenant)),
              Updates.set("host", "moved"));
          assertThat(events.find(Filters.eq("_id", key)).first().getString("host"))
              .isEqualTo("moved");
          assertThat(
                  events
                      .deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("tenant_id", "t9")))
                      .getDeletedCount())
              .isZero();
        });
  }

  @Test
  void aggregationsAndCountsSeeEveryDocument() {
    withStore(
        events -> {
          List<Document> docs = shuffledEvents(2500);
          events.insertMany(docs);
          long hostsOfT0 =
              docs.stream()
                  .filter(d -> d.get("tenant_id").equals("t0") && d.get("host").equals("h3"))
                  .count();
          assertThat(
                  events.countDocuments(
                      Filters.and(Filters.eq("tenant_id", "t0"), Filters.eq("host", "h3"))))
              .isEqualTo(hostsOfT0);
          List<Document> perTenant =
              events
                  .aggregate(
                      List.of(
                          Aggregates.group("$tenant_id", Accumulators.sum("n", 1)),
                          Aggregates.sort(Sorts.ascending("_id"))))
                  .into(new ArrayList<>());
          assertThat(perTenant)
              .extracting(d -> d.get("_id") + "=" + d.get("n"))
              .containsExactly("t0=1250", "t1=1250");
        });
  }

  @Test
  void secondaryIndexesAreListedAfterARestartAndQueriesOnTheirKeysStillWork() {
    withStore(
        events -> {
          events.insertMany(shuffledEvents(500));
          events.createIndex(
              Indexes.compoundIndex(Indexes.ascending("tenant_id"), Indexes.descending("ts")));
        });
    withStore(
        events -> {
          assertThat(events.listIndexes())
              .extracting(d -> d.get("key"))
              .contains(new Document("tenant_id", 1).append("ts", -1));
          events.insertOne(
              new Document("_id", "t0:late").append("tenant_id", "t0").append("ts", new Date()));
          assertThat(
                  events
                      .find(Filters.eq("tenant_id", "t0"))
                      .sort(Sorts.descending("ts"))
                      .first()
                      .get("_id"))
              .isEqualTo("t0:late");
          assertThat(events.countDocuments(Filters.eq("tenant_id", "t0"))).isEqualTo(251);
        });
  }

  /** Events-like documents: two tenants, five hosts (one missing), few distinct timestamps. */
  private static List<Document> indexedEvents(int count, Random random) {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Document d =
          new Document("_id", "t" + (i % 2) + ":e" + random.nextInt(1_000_000) + "-" + i)
              .append("tenant_id", "t" + (i % 2))
              .append("id", "e" + i)
              .append("ts", new Date(1_700_000_000_000L + random.nextInt(40) * 1000L))
              .append("event", new Document("type", random.nextBoolean() ? "process" : "network"));
      if (i % 7 != 0) {
        d.append("host_id", "h" + random.nextInt(4));
      }
      docs.add(d);
    }
    return docs;
  }

  private static void createEventIndexes(MongoCollection<Document> events) {
    events.createIndex(Indexes.ascending("tenant_id", "ts"));
    events.createIndex(Indexes.ascending("tenant_id", "host_id", "ts"));
    events.createIndex(Indexes.ascending("tenant_id", "event.type", "ts"));
  }

  @Test
  void secondaryIndexesAnswerExactlyLikeAScan() {
    Random random = new Random(11);
    withDatabase(
        db -> {
          MongoCollection<Document> indexed = db.getCollection("events");
          MongoCollection<Document> scanned = db.getCollection("events_scanned");
          createEventIndexes(indexed);
          List<Document> docs = indexedEvents(3000, random);
          indexed.insertMany(docs);
          scanned.insertMany(docs);
          // Changes after the insert must reach the index too.
          for (MongoCollection<Document> c : List.of(indexed, scanned)) {
            c.updateMany(Filters.eq("host_id", "h1"), Updates.set("host_id", "h9"));
            c.deleteMany(Filters.eq("host_id", "h2"));
            c.updateOne(Filters.eq("id", "e5"), Updates.set("ts", new Date(1_700_000_100_000L)));
          }
          Date from = new Date(1_700_000_010_000L);
          Date to = new Date(1_700_000_030_000L);
          List<Bson> filters =
              List.of(
                  Filters.eq("tenant_id", "t1"),
                  Filters.and(Filters.eq("tenant_id", "t0"), Filters.gte("ts", from)),
                  Filters.and(
                      Filters.eq("tenant_id", "t0"), Filters.gt("ts", from), Filters.lte("ts", to)),
                  Filters.and(
                      Filters.eq("tenant_id", "t1"),
                      Filters.and(Filters.eq("host_id", "h9"), Filters.lt("ts", to))),
                  Filters.and(
                      Filters.eq("tenant_id", "t1"),
                      Filters.eq("event.type", "network"),
                      Filters.gte("ts", from)),
                  Filters.and(Filters.eq("tenant_id", "t0"), Filters.eq("host_id", "h3")),
                  Filters.and(Filters.eq("tenant_id", "t0"), Filters.exists("host_id", false)),
                  Filters.and(
                      Filters.eq("tenant_id", "t1"),
                      Filters.or(Filters.eq("host_id", "h0"), Filters.eq("host_id", "h3"))));
          List<Bson> sorts =
              List.of(
                  Sorts.descending("ts"),
                  Sorts.ascending("ts"),
                  Sorts.orderBy(Sorts.descending("ts"), Sorts.descending("id")),
                  Sorts.ascending("id"),
                  new Document());
          for (Bson filter : filters) {
            assertThat(indexed.countDocuments(filter))
                .as("count %s", filter)
                .isEqualTo(scanned.countDocuments(filter));
            for (Bson sort : sorts) {
              for (int[] page : new int[][] {{0, 0}, {0, 1}, {0, 11}, {20, 30}, {900, 50}}) {
                assertThat(ids(indexed, filter, sort, page[0], page[1]))
                    .as("%s sort %s skip %d limit %d", filter, sort, page[0], page[1])
                    .containsExactlyElementsOf(ids(scanned, filter, sort, page[0], page[1]));
              }
            }
          }
        });
  }

  private static List<Object> ids(
      MongoCollection<Document> c, Bson filter, Bson sort, int skip, int limit) {
    return c.find(filter)
        .sort(sort)
        .skip(skip)
        .limit(limit)
        .map(d -> d.get("_id"))
        .into(new ArrayList<>());
  }

  @Test
  void secondaryIndexesSurviveARestartAndArrayValuesAreCountedOnce() {
    withStore(
        events -> {
          events.createIndex(Indexes.ascending("tenant_id", "tags"));
          events.insertMany(
              List.of(
                  new Document("_id", "a")
                      .append("tenant_id", "t")
                      .append("tags", List.of("x", "y")),
                  new Document("_id", "b").append("tenant_id", "t").append("tags", "x"),
                  new Document("_id", "c").append("tenant_id", "u").append("tags", "x")));
        });
    withStore(
        events -> {
          assertThat(events.countDocuments(Filters.eq("tenant_id", "t"))).isEqualTo(2);
          assertThat(
                  events.countDocuments(
                      Filters.and(Filters.eq("tenant_id", "t"), Filters.eq("tags", "x"))))
              .isEqualTo(2);
          assertThat(ids(events, Filters.eq("tenant_id", "t"), Sorts.ascending("tags"), 0, 10))
              .containsExactlyInAnyOrder("a", "b");
          events.deleteOne(Filters.eq("_id", "a"));
          assertThat(
                  events.countDocuments(
                      Filters.and(Filters.eq("tenant_id", "t"), Filters.eq("tags", "y"))))
              .isZero();
        });
  }

  @Test
  void indexesAreRebuiltAfterRunsThatDidNotMaintainThem() {
    withDatabase(
        true,
        db -> {
          MongoCollection<Document> events = db.getCollection("events");
          createEventIndexes(events);
          events.insertMany(indexedEvents(300, new Random(3)));
        });
    withDatabase(
        false,
        db -> {
          MongoCollection<Document> events = db.getCollection("events");
          events.deleteMany(Filters.eq("tenant_id", "t0"));
          events.insertOne(
              new Document("_id", "t1:late").append("tenant_id", "t1").append("ts", new Date()));
        });
    withDatabase(
        true,
        db -> {
          MongoCollection<Document> events = db.getCollection("events");
          assertThat(events.countDocuments(Filters.eq("tenant_id", "t0"))).isZero();
          assertThat(events.countDocuments(Filters.eq("tenant_id", "t1"))).isEqualTo(151);
          assertThat(ids(events, Filters.eq("tenant_id", "t1"), Sorts.descending("ts"), 0, 1))
              .containsExactly("t1:late");
        });
  }
}
