package io.tocsin.engine.bench;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.engine.EngineMetrics;
import io.tocsin.model.Event;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Events per second on one thread, batches of {@value #BATCH} events, for the engine, the naive
 * interpreter baseline and the hand-written limit, on the same events.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBenchmark {

  static final int BATCH = 1_000;

  @Param({"realistic100", "generated1000", "generated10000", "correlation"})
  public String scenario;

  private Workload workload;
  private DetectionEngine engine;
  private List<Predicate<Event>> interpreted;
  private HandWritten hand;
  private List<Event> batch;
  private int cursor;
  private long pass;

  /** Builds only what the running benchmark measures (a 10,000-policy KieBase takes a while). */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    workload = Workload.of(scenario);
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    switch (method) {
      case "engine" -> engine = BenchSetup.engine(workload);
      case "interpreter" -> interpreted = BenchSetup.interpreted(workload);
      default -> hand = new HandWritten(workload.rules);
    }
  }

  /**
   * The next batch; on later passes over the events their time moves on (correlation stays live).
   */
  @Setup(Level.Invocation)
  public void nextBatch() {
    if (cursor + BATCH > workload.events.size()) {
      cursor = 0;
      pass++;
    }
    List<Event> slice = workload.events.subList(cursor, cursor + BATCH);
    cursor += BATCH;
    if (pass == 0 || !scenario.equals("correlation")) {
      batch = slice;
      return;
    }
    long shift = pass * Workload.EVENTS * 10L;
    List<Event> moved = new ArrayList<>(BATCH);
    for (Event e : slice) {
      moved.add(e.with("ts", e.timestamp().plusMillis(shift)));
    }
    batch = moved;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int engine() {
    return engine.evaluate(batch).size();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int interpreter() {
    int n = 0;
    for (Event e : batch) {
      for (Predicate<Event> p : interpreted) {
        if (p.test(e)) {
          n++;
        }
      }
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int handWritten() {
    int n = 0;
    for (Event e : batch) {
      n += hand.matches(e);
    }
    return n;
  }

  /** Records correlation state and heap figures next to the JMH results. */
  @TearDown(Level.Trial)
  public void report() throws IOException {
    if (engine == null) {
      return;
    }
    EngineMetrics m = engine.metrics();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    String line =
        String.format(
            "scenario=%s rules=%d compileMillis=%d indexed=%d prefiltered=%d scanned=%d events=%d"
                + " detections=%d correlationGroups=%d correlationBytes=%d evictions=%d"
                + " heapAfterGc=%d%n",
            scenario,
            m.rules(),
            m.compile().millis(),
            m.compile().indexedBranches(),
            m.compile().prefilteredBranches(),
            m.compile().scannedBranches(),
            m.events(),
            m.detections(),
            m.correlationGroups(),
            m.correlationBytes(),
            m.correlationEvictions(),
            heap);
    Path out = Path.of("target", "bench-state.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(
        out,
        line,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    engine.close();
  }
}
