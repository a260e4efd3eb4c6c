package io.tocsin.dsl.bench;

import com.google.re2j.Pattern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tocsin.dsl.CheckedCondition;
import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.dsl.eval.Interpreter;
import io.tocsin.dsl.eval.Regexes;
import io.tocsin.dsl.mongo.MongoQuery;
import io.tocsin.dsl.mongo.MongoTranslator;
import io.tocsin.dsl.mongo.StoredEvents;
import io.tocsin.model.Event;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * Issue 20 before/after, in CPU time of one thread (robust on a loaded machine): the inputs
 * against 300 stored events (100 with a 4,096-character path of {@code a}, 100 with 256 characters,
 * 100 with {@code a/} repeated to 4,096 characters) in mongo-java-server (the embedded store's
 * query engine), through the old translation (a backtracking {@code $regex} for every glob, {@code
 * $or} of equalities) and the new one plus the residual. Not a test: run {@code main} by hand (see
 * docs/performance.md).
 */
public final class HostileInputs {

  private static final long CAP_SECONDS = 60;

  private HostileInputs() {}

  /**
   * One measurement per JVM, so a query that never ends cannot slow the next one: {@code args[0]}
   * the query number (0-5), {@code args[1]} one of {@code store-before}, {@code store-after},
   * {@code interpreter-before}, {@code interpreter-after}. Prints the process CPU seconds the work
   * took, or how much it had used when it was stopped after {@link #CAP_SECONDS} s.
   */
  public static void main(String[] args) throws Exception {
    String chain =
        IntStream.range(0, 2_500)
            .mapToObj(i -> "host_id == 'h" + i + "'")
            .collect(Collectors.joining(" or "));
    String regex = "(?i)" + "a?".repeat(100) + "a".repeat(100) + "b";
    List<String> queries =
        List.of(
            "file.path glob '*a*a*a*ab'",
            "file.path glob '*a*a*a*a*a*ab'",
            "file.path:*a*a*a*ab",
            "file.path glob '**/**/**/**/x'",
            "file.path matches '" + regex + "'",
            chain);
    String q = queries.get(Integer.parseInt(args[0]));
    String mode = args[1];
    MongoServer server = new MongoServer(new MemoryBackend());
    try (MongoClient client = MongoClients.create("mongodb://" + hostPort(server.bind()))) {
      MongoCollection<Document> events = client.getDatabase("b").getCollection("events");
      List<Document> docs = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        // Adversarial values: no '/' for the single-segment globs, many '/' for the ** chain.
        String path =
            switch (i % 3) {
              case 0 -> "a".repeat(4096);
              case 1 -> "a".repeat(256);
              default -> "a/".repeat(2048);
            };
        docs.add(
            new Document("id", "e" + i)
                .append("host_id", "h" + i)
                .append("file", new Document("path", path)));
      }
      events.insertMany(docs);
      CheckedCondition c = Conditions.compile(q, ConditionContext.EMPTY);
      java.util.function.LongSupplier work =
          switch (mode) {
            case "store-before" -> {
              Document old = oldFilter(q);
              MongoQuery now = MongoTranslator.translate(c);
              yield old == null
                  ? () -> count(events, now.filter(), now::accept)
                  : () -> count(events, old, null);
            }
            case "store-after" -> {
              MongoQuery now = MongoTranslator.translate(c);
              yield () -> count(events, now.filter(), now::accept);
            }
            case "interpreter-before" -> () -> oldInterpreter(q, docs);
            default -> {
              Predicate<Event> p = Interpreter.compile(c.root());
              yield () -> interpret(p, docs);
            }
          };
      String name = q.length() > 40 ? q.substring(0, 37) + "..." : q;
      System.out.printf("%s\t%s\t%s%n", name, mode, measure(work));
    } finally {
      System.exit(0);
    }
  }

  /** The filter the translation produced before issue 20, where it differs. */
  private static Document oldFilter(String q) {
    if (q.startsWith("file.path glob '")) {
      String glob = q.substring("file.path glob '".length(), q.length() - 1);
      return new Document("file.path", new Document("$regex", Regexes.glob(glob)));
    }
    if (q.startsWith("file.path:")) {
      String glob = Regexes.wildcardToGlob(q.substring("file.path:".length()));
      return new Document("file.path", new Document("$regex", Regexes.glob(glob)));
    }
    if (q.startsWith("host_id")) {
      List<Document> or = new ArrayList<>();
      for (int i = 0; i < 2_500; i++) {
        or.add(new Document("host_id", "h" + i));
      }
      return new Document("$or", or);
    }
    return null;
  }

  /** The interpreter before: globs as re2j regexes, an or-chain term by term. */
  private static long oldInterpreter(String q, List<Document> docs) {
    long n = 0;
    if (q.startsWith("file.path glob '") || q.startsWith("file.path:")) {
      String glob =
          q.startsWith("file.path:")
              ? Regexes.wildcardToGlob(q.substring("file.path:".length()))
              : q.substring("file.path glob '".length(), q.length() - 1);
      Pattern p = Pattern.compile(Regexes.glob(glob));
      for (Document d : docs) {
        n += p.matcher(((Document) d.get("file")).getString("path")).find() ? 1 : 0;
      }
      return n;
    }
    if (q.startsWith("host_id")) {
      for (Document d : docs) {
        String host = d.getString("host_id");
        for (int i = 0; i < 2_500; i++) {
          if (host.equals("h" + i)) {
            n++;
            break;
          }
        }
      }
      return n;
    }
    return interpret(
        Interpreter.compile(Conditions.compile(q, ConditionContext.EMPTY).root()), docs);
  }

  private static long interpret(Predicate<Event> p, List<Document> docs) {
    long n = 0;
    for (Document d : docs) {
      n += p.test(StoredEvents.toEvent(d)) ? 1 : 0;
    }
    return n;
  }

  private static long count(
      MongoCollection<Document> events, Document filter, Predicate<Event> residual) {
    long n = 0;
    for (Document d : events.find(filter)) {
      n += residual == null || residual.test(StoredEvents.toEvent(d)) ? 1 : 0;
    }
    return n;
  }

  /** Process CPU seconds of {@code work}, or what it had used when stopped at the cap. */
  private static String measure(java.util.function.LongSupplier work) throws Exception {
    AtomicLong result = new AtomicLong(-1);
    Thread t = new Thread(() -> result.set(work.getAsLong()), "bench");
    t.setDaemon(true);
    long cpuStart = processCpu();
    long started = System.nanoTime();
    t.start();
    t.join(CAP_SECONDS * 1000);
    double cpu = (processCpu() - cpuStart) / 1e9;
    double wall = (System.nanoTime() - started) / 1e9;
    if (t.isAlive()) {
      return String.format("stopped after %.0f s wall, %.1f s CPU, unfinished", wall, cpu);
    }
    return String.format("%.2f s CPU (%.2f s wall), %d matches", cpu, wall, result.get());
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String hostPort(java.net.InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }
}
