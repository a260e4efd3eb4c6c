package io.tocsin.engine.bench;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.EngineMetrics;
import io.tocsin.model.Event;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same race as {@link ThroughputBenchmark}, timed in <em>thread CPU time</em> rather than wall
 * time, so that results stay meaningful on a machine shared with other work: events per CPU-second
 * of one thread, per-event CPU latency percentiles of the engine, and the engine's retained heap
 * and correlation state. Writes a Markdown table to {@code target/performance-table.md}.
 */
public final class CpuTimeReport {

  private static final Logger log = LoggerFactory.getLogger(CpuTimeReport.class);
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final int ROUNDS = 5;

  private CpuTimeReport() {}

  public static void main(String[] args) throws IOException {
    List<String> scenarios =
        args.length > 0
            ? List.of(args)
            : List.of("realistic100", "generated1000", "generated10000", "correlation");
    StringBuilder table = new StringBuilder();
    table
        .append(
            "| scenario | rules | engine events/s | interpreter events/s | hand-written events/s")
        .append(" | engine / limit | engine / baseline | p50 / p99 / p99.9 µs | KieBase build s")
        .append(" | engine heap MB | correlation groups / est. bytes |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (String scenario : scenarios) {
      table.append(run(scenario)).append('\n');
    }
    Path out = Path.of("target", "performance-table.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table.toString());
    log.info("CPU-time results:\n{}", table);
  }

  private static String run(String scenario) {
    Workload w = Workload.of(scenario);
    boolean moving = scenario.equals("correlation");
    long heapBefore = usedHeapAfterGc();
    DetectionEngine engine = BenchSetup.engine(w);
    long engineHeap = usedHeapAfterGc() - heapBefore;
    List<Predicate<Event>> interpreted = BenchSetup.interpreted(w);
    HandWritten hand = new HandWritten(w.rules);
    int interpreterEvents =
        (int) Math.min(w.events.size(), Math.max(1_000, 4_000_000L / w.rules.size()));
    List<Event> forInterpreter = w.events.subList(0, interpreterEvents);

    double[] engineEps = new double[ROUNDS];
    double[] interpEps = new double[ROUNDS];
    double[] handEps = new double[ROUNDS];
    int pass = 0;
    for (int round = -2; round < ROUNDS; round++) {
      List<Event> events = moving ? shifted(w.events, pass++) : w.events;
      long t0 = cpu();
      for (int i = 0; i < events.size(); i += ThroughputBenchmark.BATCH) {
        engine.evaluate(events.subList(i, i + ThroughputBenchmark.BATCH));
      }
      long t1 = cpu();
      int sink = 0;
      for (Event e : forInterpreter) {
        for (Predicate<Event> p : interpreted) {
          sink += p.test(e) ? 1 : 0;
        }
      }
      long t2 = cpu();
      for (Event e : events) {
        sink += hand.matches(e);
      }
      long t3 = cpu();
      if (round >= 0) {
        engineEps[round] = events.size() * 1e9 / (t1 - t0);
        interpEps[round] = forInterpreter.size() * 1e9 / (t2 - t1);
        handEps[round] = events.size() * 1e9 / (t3 - t2);
      }
      if (sink == -1) {
        log.info("unreachable");
      }
    }
    long[] latency = new long[w.events.size()];
    List<Event> events = moving ? shifted(w.events, pass) : w.events;
    for (int i = 0; i < events.size(); i++) {
      long t0 = cpu();
      engine.evaluate(List.of(events.get(i)));
      latency[i] = cpu() - t0;
    }
    Arrays.sort(latency);
    EngineMetrics m = engine.metrics();
    engine.close();
    double e = median(engineEps);
    double b = median(interpEps);
    double h = median(handEps);
    return String.format(
        "| %s | %d | %,.0f | %,.0f | %,.0f | %.2f | %.1f× | %.1f / %.1f / %.1f | %.1f | %.0f | %,d / %,d |",
        scenario,
        m.rules(),
        e,
        b,
        h,
        e / h,
        e / b,
        latency[latency.length / 2] / 1e3,
        latency[(int) (latency.length * 0.99)] / 1e3,
        latency[(int) (latency.length * 0.999)] / 1e3,
        m.compile().millis() / 1e3,
        engineHeap / 1e6,
        m.correlationGroups(),
        m.correlationBytes());
  }

  private static List<Event> shifted(List<Event> events, int pass) {
    if (pass == 0) {
      return events;
    }
    long shift = pass * (long) Workload.EVENTS * 10L;
    List<Event> moved = new ArrayList<>(events.size());
    for (Event e : events) {
      moved.add(e.with("ts", e.timestamp().plusMillis(shift)));
    }
    return moved;
  }

  private static long cpu() {
    return CPU.getCurrentThreadCpuTime();
  }

  private static double median(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy[copy.length / 2];
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
