package io.tocsin.agent;

import io.tocsin.agent.collect.ConnectionSource;
import io.tocsin.agent.collect.ConnectionTracker;
import io.tocsin.agent.collect.EventFactory;
import io.tocsin.agent.collect.ExeHasher;
import io.tocsin.agent.collect.FileActivity;
import io.tocsin.agent.collect.FileWatcher;
import io.tocsin.agent.collect.HostIdentities;
import io.tocsin.agent.collect.HostIdentity;
import io.tocsin.agent.collect.OshiConnectionSource;
import io.tocsin.agent.collect.OshiProcessSource;
import io.tocsin.agent.collect.OshiSnapshotSource;
import io.tocsin.agent.collect.ProcNetConnectionSource;
import io.tocsin.agent.collect.ProcessEvents;
import io.tocsin.agent.collect.ProcessSource;
import io.tocsin.agent.collect.ProcessTracker;
import io.tocsin.agent.collect.ProcfsProcessSource;
import io.tocsin.agent.collect.ReportedProcesses;
import io.tocsin.agent.collect.Scanner;
import io.tocsin.agent.collect.SnapshotSource;
import io.tocsin.agent.collect.exec.ExecCollector;
import io.tocsin.agent.collect.exec.ProcessEventsMode;
import io.tocsin.agent.config.AgentConfig;
import io.tocsin.agent.deliver.AgentStats;
import io.tocsin.agent.deliver.Backoff;
import io.tocsin.agent.deliver.EventQueue;
import io.tocsin.agent.deliver.ServerClient;
import io.tocsin.agent.deliver.Shipper;
import io.tocsin.agent.deliver.Sleeper;
import io.tocsin.agent.deliver.StateFile;
import io.tocsin.agent.respond.CommandPoller;
import io.tocsin.agent.respond.CommandRunner;
import io.tocsin.agent.respond.IsolationAction;
import io.tocsin.agent.respond.KillProcessAction;
import io.tocsin.agent.respond.QuarantineAction;
import io.tocsin.agent.respond.QuarantineStore;
import io.tocsin.agent.respond.scan.SecurityScanAction;
import io.tocsin.agent.spool.Spool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;

/**
 * Wires the running agent: collectors on a low-priority scheduler, the shipper, snapshot
 * publishing, command polling and periodic stats. Every thread is a named daemon.
 */
public final class Agent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  private static final Duration STATS_EVERY = Duration.ofSeconds(60);

  private final AgentConfig config;
  private final Clock clock;
  private final AgentStats stats = new AgentStats();
  private final List<ScheduledExecutorService> schedulers = new ArrayList<>();
  private final Spool spool;
  private final ServerClient client;
  private final HostIdentity host;
  private final SystemInfo si = new SystemInfo();
  private Shipper shipper;
  private FileWatcher watcher;
  private ExecCollector execCollector;

  public Agent(AgentConfig config, Clock clock) throws IOException {
    this.config = config;
    this.clock = clock;
    this.spool =
        new Spool(config.spoolDir(), config.spoolMaxBytes(), stats.droppedSpoolFull::addAndGet);
    this.client = new ServerClient(config.server(), config.apiKey(), config.requestTimeout());
    this.host = HostIdentities.detect(si, config.hostId());
  }

  public AgentStats stats() {
    return stats;
  }

  public HostIdentity host() {
    return host;
  }

  /** Starts every component. */
  public void start() {
    EventFactory factory = new EventFactory(host, config.allowResponse());
    EventQueue queue = new EventQueue(config.queueCapacity(), stats);
    shipper =
        new Shipper(
            queue,
            client,
            spool,
            new Shipper.Settings(config.batchSize(), config.batchTimeout(), config.retryCount()),
            new Backoff(
                config.retryDelay(),
                config.retryMaxDelay(),
                ThreadLocalRandom.current()::nextDouble),
            Sleeper.REAL,
            clock,
            stats);
    shipper.start();

    ProcessEvents processEvents = new ProcessEvents(factory, new ExeHasher(config.hashMaxBytes()));
    ReportedProcesses reported = new ReportedProcesses(config.reportedProcessesFile());
    ProcessSource source = processSource();
    execCollector =
        ProcessEventsMode.start(
                config.processEvents(),
                source instanceof ProcfsProcessSource procfs ? procfs : null,
                processEvents,
                queue,
                reported,
                clock)
            .orElse(null);
    ProcessTracker tracker =
        execCollector != null
            ? ProcessTracker.tableOnly(source, processEvents, clock, reported)
            : new ProcessTracker(source, processEvents, clock, reported, true);
    ConnectionTracker connections =
        config.collectNetwork() ? new ConnectionTracker(connectionSource(), factory, clock) : null;
    Scanner scanner = new Scanner(tracker, connections, queue);
    ScheduledExecutorService collector =
        every("tocsin-collector", config.interval(), () -> scan(scanner));

    // Built on the collector thread (after the first scan, reusing its table), posted on its own.
    SnapshotSource snapshots = new OshiSnapshotSource(si, host, tracker::lastTable, clock);
    ScheduledExecutorService poster = scheduler("tocsin-snapshot");
    every(
        collector,
        "tocsin-snapshot",
        config.snapshotInterval(),
        () -> {
          Map<String, Object> snapshot = snapshots.snapshot();
          poster.execute(() -> publishSnapshot(snapshot));
        });

    if (!config.watchPaths().isEmpty()) {
      watcher =
          FileWatcher.create(
              config.watchPaths(),
              new FileActivity(
                  factory, queue, clock, List.of(config.dataDir(), config.spoolDir())));
      watcher.start();
    }

    QuarantineStore quarantine = new QuarantineStore(config.quarantineDir(), clock);
    QuarantineAction q = new QuarantineAction(quarantine, config.allowResponse());
    IsolationAction isolation =
        new IsolationAction(
            config.server(),
            config.allowResponse(),
            CommandRunner.SYSTEM,
            IsolationAction.dns(),
            IsolationAction.resolvConf(),
            com.sun.jna.Platform.isLinux());
    CommandPoller poller =
        new CommandPoller(
            client,
            host.hostId(),
            List.of(
                new KillProcessAction(config.allowResponse(), Duration.ofSeconds(5)),
                q.quarantine(),
                q.restore(),
                isolation.isolate(),
                isolation.release(),
                SecurityScanAction.system(connectionSource(), clock)),
            stats);
    every("tocsin-commands", config.commandInterval(), () -> pollCommands(poller));
    every("tocsin-stats", Duration.ofSeconds(10), this::writeState);
    LOG.info(
        "agent started: host_id={} host={} server={} interval={} process_events={} response={}",
        host.hostId(),
        host.hostname(),
        config.server(),
        config.interval(),
        processEventsMode(),
        config.allowResponse() ? "ENABLED" : "dry-run");
  }

  /** {@code realtime} (kernel process events) or {@code poll}. */
  public String processEventsMode() {
    return execCollector != null ? "realtime" : "poll";
  }

  /** procfs on Linux (cheap enough for the budget), OSHI elsewhere. */
  private ProcessSource processSource() {
    if (com.sun.jna.Platform.isLinux()) {
      try {
        return ProcfsProcessSource.system();
      } catch (IOException | RuntimeException | LinkageError e) {
        LOG.warn("procfs unavailable ({}), using OSHI", e.toString());
      }
    }
    return new OshiProcessSource(si.getOperatingSystem());
  }

  private ConnectionSource connectionSource() {
    if (com.sun.jna.Platform.isLinux() && Files.isReadable(Path.of("/proc/net/tcp"))) {
      return new ProcNetConnectionSource(Path.of("/proc"), Duration.ofSeconds(30));
    }
    return new OshiConnectionSource(si.getOperatingSystem().getInternetProtocolStats());
  }

  private ScheduledExecutorService scheduler(String name) {
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            });
    schedulers.add(s);
    return s;
  }

  private ScheduledExecutorService every(String name, Duration period, Runnable task) {
    ScheduledExecutorService s = scheduler(name);
    every(s, name, period, task);
    return s;
  }

  private static void every(
      ScheduledExecutorService s, String name, Duration period, Runnable task) {
    Runnable safe =
        () -> {
          try {
            task.run();
          } catch (RuntimeException | Error e) {
            LOG.error("{} task failed", name, e);
          }
        };
    s.scheduleWithFixedDelay(safe, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void scan(Scanner scanner) {
    long t0 = System.nanoTime();
    scanner.scanOnce();
    stats.scans.incrementAndGet();
    stats.scanMillis.addAndGet((System.nanoTime() - t0) / 1_000_000);
  }

  private void publishSnapshot(Map<String, Object> snapshot) {
    try {
      ServerClient.Response r = client.postJson("api/v1/submit/", snapshot);
      if (r.status() == 201 || r.ok()) {
        stats.snapshotsSent.incrementAndGet();
      } else {
        stats.snapshotsFailed.incrementAndGet();
        LOG.warn("snapshot refused: HTTP {} {}", r.status(), r.body());
      }
    } catch (IOException e) {
      stats.snapshotsFailed.incrementAndGet();
      LOG.debug("snapshot not delivered: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pollCommands(CommandPoller poller) {
    try {
      poller.pollOnce();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long lastStatsLog;

  private void writeState() {
    if (execCollector != null) {
      stats.processEventsLost.set(execCollector.lost());
      stats.processEventsIncomplete.set(execCollector.incomplete());
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("updated_at", clock.instant().toString());
    state.put("pid", ProcessHandle.current().pid());
    state.put("host_id", host.hostId());
    state.put("server", config.server().toString());
    state.put("response_enabled", config.allowResponse());
    state.put("process_events", processEventsMode());
    state.put("spool_batches", spool.batches());
    state.put("spool_events", spool.events());
    state.put("spool_bytes", spool.bytes());
    state.put("stats", stats.snapshot());
    try {
      StateFile.write(config.stateFile(), state);
    } catch (IOException e) {
      LOG.debug("cannot write state file: {}", e.toString());
    }
    long now = clock.millis();
    if (now - lastStatsLog >= STATS_EVERY.toMillis()) {
      lastStatsLog = now;
      LOG.info("stats {} spool={} events", stats.snapshot(), spool.events());
    }
  }

  /** The state the status endpoint serves. */
  public Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("host_id", host.hostId());
    state.put("spool_events", spool.events());
    state.put("stats", stats.snapshot());
    return state;
  }

  @Override
  public void close() {
    schedulers.forEach(ScheduledExecutorService::shutdownNow);
    if (execCollector != null) {
      execCollector.close();
    }
    if (watcher != null) {
      watcher.close();
    }
    if (shipper != null) {
      shipper.stop();
    }
    writeState();
    LOG.info("agent stopped: {}", stats.snapshot());
  }
}
