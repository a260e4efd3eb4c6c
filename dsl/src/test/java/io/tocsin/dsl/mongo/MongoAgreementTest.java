package io.tocsin.dsl.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tocsin.dsl.CheckResult;
import io.tocsin.dsl.CheckedCondition;
import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.eval.Interpreter;
import io.tocsin.model.Event;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.bson.Document;

/**
 * The MongoDB translation (filter on the embedded mongo-java-server, then the residual) selects
 * exactly the events the interpreter matches.
 */
class MongoAgreementTest {

  private static MongoServer server;
  private static MongoClient client;
  private static MongoCollection<Document> events;

  @BeforeContainer
  static void start() {
    server = new MongoServer(new MemoryBackend());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    events = client.getDatabase("tocsin").getCollection("events");
  }

  @AfterContainer
  static void stop() {
    client.close();
    server.shutdown();
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 40, shrinking = ShrinkingMode.OFF)
  void interpreterAndMongoAgree(@ForAll("seeds") long seed) {
    Random random = new Random(seed);
    List<Event> batch = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      batch.add(Samples.event(random));
    }
    events.deleteMany(new Document());
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Document doc = new Document(batch.get(i).toNested());
      doc.put("_id", i);
      docs.add(doc);
    }
    events.insertMany(docs);
    for (int n = 0; n < 12; n++) {
      String condition = ConditionSamples.condition(random, 3);
      CheckResult result = Conditions.check(condition, ConditionContext.EMPTY);
      assertThat(result.errors()).as(condition).isEmpty();
      CheckedCondition checked = result.condition().orElseThrow();
      Predicate<Event> interpreter = Interpreter.compile(checked.root());
      Set<Integer> expected = new TreeSet<>();
      for (int i = 0; i < batch.size(); i++) {
        if (interpreter.test(batch.get(i))) {
          expected.add(i);
        }
      }
      MongoQuery query = MongoTranslator.translate(checked);
      Set<Integer> actual = new TreeSet<>();
      for (Document d : events.find(query.filter())) {
        int id = d.getInteger("_id");
        assertThat(StoredEvents.toEvent(d)).isEqualTo(batch.get(id));
        if (query.accept(StoredEvents.toEvent(d))) {
          actual.add(id);
        }
      }
      Statistics.collect(query.exact() ? "exact" : "residual");
      assertThat(actual).as(condition + "\nfilter: " + query.filter().toJson()).isEqualTo(expected);
    }
  }
}
