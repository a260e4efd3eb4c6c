package io.tocsin.engine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tocsin.dsl.CheckedCondition;
import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.mongo.MongoQuery;
import io.tocsin.dsl.mongo.MongoTranslator;
import io.tocsin.model.Event;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bson.Document;

/**
 * The third leg of the golden tests: events stored in an in-memory MongoDB-compatible server, each
 * condition's translated filter run against them (plus its residual predicate, when inexact).
 */
final class MongoAgreement implements AutoCloseable {

  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final MongoClient client;
  private final MongoCollection<Document> events;
  private final Map<String, Event> byId = new HashMap<>();

  MongoAgreement(List<Event> stored) {
    client = MongoClients.create("mongodb://" + hostPort());
    events = client.getDatabase("golden").getCollection("events");
    for (Event e : stored) {
      Map<String, Object> nested = e.toNested();
      nested.put("ts", Date.from(e.timestamp()));
      events.insertOne(new Document(nested));
      byId.put(e.id(), e);
    }
  }

  private String hostPort() {
    var address = server.bind();
    return address.getHostString() + ":" + address.getPort();
  }

  /** Ids of the stored events the translated query selects. */
  TreeSet<String> select(String condition, Map<String, List<String>> lists) {
    CheckedCondition checked = Conditions.compile(condition, ConditionContext.of(lists, Map.of()));
    MongoQuery query = MongoTranslator.translate(checked);
    TreeSet<String> ids = new TreeSet<>();
    for (Document d : events.find(query.filter())) {
      String id = d.getString("id");
      if (query.accept(byId.get(id))) {
        ids.add(id);
      }
    }
    return ids;
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
