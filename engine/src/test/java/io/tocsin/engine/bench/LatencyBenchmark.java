package io.tocsin.engine.bench;

import io.tocsin.engine.DetectionEngine;
import io.tocsin.model.Event;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Per-event latency distribution (p50/p99/p99.9) of {@code evaluate} with one-event batches. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LatencyBenchmark {

  @Param({"realistic100", "generated10000", "correlation"})
  public String scenario;

  private Workload workload;
  private DetectionEngine engine;
  private int cursor;

  @Setup(Level.Trial)
  public void setUp() {
    workload = Workload.of(scenario);
    engine = BenchSetup.engine(workload);
  }

  @Benchmark
  public int evaluateOneEvent() {
    Event e = workload.events.get(cursor);
    cursor = (cursor + 1) % workload.events.size();
    return engine.evaluate(List.of(e)).size();
  }

  @TearDown(Level.Trial)
  public void close() {
    engine.close();
  }
}
