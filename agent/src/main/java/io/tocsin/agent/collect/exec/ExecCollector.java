package io.tocsin.agent.collect.exec;

import io.tocsin.agent.collect.EventSink;
import io.tocsin.agent.collect.ProcessEvents;
import io.tocsin.agent.collect.ProcessInfo;
import io.tocsin.agent.collect.ProcfsProcessSource;
import io.tocsin.agent.collect.ReportedProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports processes in real time from the kernel's process events. Two named threads: {@code
 * tocsin-procevents} receives the connector's messages and, for each exec, reads the new process's
 * {@code /proc} entry at once (the command line is gone when a 1 ms process exits); {@code
 * tocsin-exec} builds the events (parent, hash) and hands them to the sink. It first reports every
 * running process not reported before as {@code already_running}; an exec the kernel reported
 * before that table was read, for a process the table already showed, is not reported twice.
 */
public final class ExecCollector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExecCollector.class);
  private static final int BACKLOG = 16_384;
  private static final int MAX_LIVE = 65_536;

  /** The reader's nice value (root only): it must win the CPU within ~1 ms of an exec. */
  static final int READER_NICE = -10;

  /** What the reader captured, in kernel order. */
  private record Captured(ProcEvent event, ProcessInfo info, String cwd) {}

  private final ProcConnector connector;
  private final ProcfsProcessSource procfs;
  private final ProcessEvents events;
  private final EventSink sink;
  private final ReportedProcesses reported;
  private final Clock clock;
  private final BlockingQueue<Captured> captured = new ArrayBlockingQueue<>(BACKLOG);
  private final Map<Long, ProcessInfo> live = new HashMap<>();
  private final Map<Long, Long> forkedBy = new HashMap<>();
  private final AtomicLong lost = new AtomicLong();
  private final AtomicLong incomplete = new AtomicLong();
  private final long wallMinusMonotonicNanos;
  private volatile boolean running;
  private Thread reader;
  private Thread processor;
  private long baselineNanos = Long.MAX_VALUE;

  ExecCollector(
      ProcConnector connector,
      ProcfsProcessSource procfs,
      ProcessEvents events,
      EventSink sink,
      ReportedProcesses reported,
      Clock clock) {
    this.connector = connector;
    this.procfs = procfs;
    this.events = events;
    this.sink = sink;
    this.reported = reported;
    this.clock = clock;
    Instant now = clock.instant();
    this.wallMinusMonotonicNanos =
        now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
  }

  public void start() {
    running = true;
    reader = thread("tocsin-procevents", this::readLoop, Thread.NORM_PRIORITY);
    processor = thread("tocsin-exec", this::processLoop, Thread.MIN_PRIORITY);
  }

  private static Thread thread(String name, Runnable body, int priority) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.setPriority(priority);
    t.start();
    return t;
  }

  /** Kernel messages lost to a full backlog or a receive-buffer overflow. */
  public long lost() {
    return lost.get() + connector.overflows();
  }

  /** Execs whose {@code /proc} entry was gone before it could be read (reported without argv). */
  public long incomplete() {
    return incomplete.get();
  }

  private void readLoop() {
    if (ThreadPriority.setCurrentThreadNice(READER_NICE)) {
      LOG.debug("reader thread runs at nice {}", READER_NICE);
    }
    long overflows = 0;
    while (running) {
      List<ProcEvent> batch = connector.read(500);
      for (ProcEvent e : batch) {
        capture(e);
      }
      if (connector.overflows() != overflows) {
        overflows = connector.overflows();
        LOG.warn(
            "the kernel dropped process events (receive buffer overflow {} times): some short-lived"
                + " processes were missed",
            overflows);
      }
    }
  }

  private void capture(ProcEvent e) {
    Captured c;
    switch (e.kind()) {
      case EXEC -> {
        ProcessInfo info = procfs.readNow(e.pid());
        c = new Captured(e, info, info == null ? null : procfs.cwd(e.pid()));
      }
      case FORK, EXIT -> {
        if (!e.isProcess()) {
          return; // a thread
        }
        c = new Captured(e, null, null);
      }
      default -> {
        return;
      }
    }
    if (!captured.offer(c)) {
      lost.incrementAndGet();
    }
  }

  private void processLoop() {
    try {
      baseline();
      while (running) {
        Captured c = captured.poll(500, TimeUnit.MILLISECONDS);
        if (c != null) {
          process(c);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("process event handling stopped", e);
    }
  }

  /** Every running process not reported before, as {@code already_running}. */
  private void baseline() {
    baselineNanos = System.nanoTime();
    List<ProcessInfo> table = procfs.processes();
    Map<Long, ProcessInfo> byPid = new HashMap<>();
    table.forEach(p -> byPid.put(p.pid(), p));
    Instant now = clock.instant();
    int reportedNow = 0;
    for (ProcessInfo p : table) {
      live.put(p.pid(), p);
      if (reported.markReported(p.key())) {
        sink.offer(events.alreadyRunning(p, byPid.get(p.ppid()), now));
        reportedNow++;
      }
    }
    reported.save();
    LOG.info(
        "{} running processes, {} reported as already_running (the others were reported before)",
        table.size(),
        reportedNow);
  }

  private void process(Captured c) {
    ProcEvent e = c.event();
    Instant ts = instant(e.nanos());
    if (e.kind() == ProcEvent.Kind.FORK) {
      forkedBy.put(e.pid(), e.parent());
      return;
    }
    if (e.kind() == ProcEvent.Kind.EXEC) {
      ProcessInfo p = c.info() != null ? c.info() : unread(e.pid());
      ProcessInfo before = live.get(p.pid());
      if (e.nanos() < baselineNanos
          && before != null
          && before.key().equals(p.key())
          && before.cmd().equals(p.cmd())) {
        return; // the already_running table showed this very exec
      }
      live.put(p.pid(), p);
      if (p.startTime() > 0) {
        reported.markReported(p.key());
      }
      sink.offer(events.executed(p, parent(p.ppid()), c.cwd(), ts, e.nanos()));
    } else {
      forkedBy.remove(e.pid());
      ProcessInfo p = live.remove(e.pid());
      if (p != null) {
        sink.offer(events.ended(p, live.get(p.ppid()), ts));
      }
    }
    if (live.size() + forkedBy.size() > MAX_LIVE) {
      // exits lost to an overflow would otherwise stay forever
      live.keySet().removeIf(pid -> !Files.exists(Path.of("/proc/" + pid)));
      forkedBy.keySet().removeIf(pid -> !Files.exists(Path.of("/proc/" + pid)));
    }
  }

  /**
   * A process that exited (and was reaped) before its {@code /proc} entry could be read: still
   * reported, with what the kernel said (pid, and the parent from its fork).
   */
  private ProcessInfo unread(long pid) {
    incomplete.incrementAndGet();
    long ppid = forkedBy.getOrDefault(pid, 0L);
    return new ProcessInfo(pid, ppid, null, "", List.of(), "", "", 0, "exited", 0, 0, 0);
  }

  private ProcessInfo parent(long ppid) {
    ProcessInfo parent = live.get(ppid);
    if (parent == null && ppid > 0) {
      parent = procfs.readNow(ppid);
      if (parent != null) {
        live.put(ppid, parent);
      }
    }
    return parent;
  }

  private Instant instant(long monotonicNanos) {
    long wall = monotonicNanos + wallMinusMonotonicNanos;
    return Instant.ofEpochSecond(
        Math.floorDiv(wall, 1_000_000_000L), Math.floorMod(wall, 1_000_000_000L));
  }

  @Override
  public void close() {
    running = false;
    for (Thread t : new Thread[] {reader, processor}) {
      if (t != null) {
        t.interrupt();
        try {
          t.join(2000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    connector.close();
    reported.save();
  }
}
