package io.tocsin.agent.collect.exec;

import io.tocsin.agent.collect.EventSink;
import io.tocsin.agent.collect.ProcessEvents;
import io.tocsin.agent.collect.ProcfsProcessSource;
import io.tocsin.agent.collect.ReportedProcesses;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how processes are reported ({@code TOCSIN_AGENT_PROCESS_EVENTS}): {@code auto} uses the
 * kernel's process events connector where it can be subscribed to, else polling with the reason
 * logged; {@code poll} always polls.
 */
public final class ProcessEventsMode {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessEventsMode.class);

  /** Opens a subscription (the real one, or a fake in tests). */
  @FunctionalInterface
  interface Opener {
    ProcConnector open() throws ProcConnector.Unavailable;
  }

  /** The outcome: a subscription (real time), or none and why polling is used. */
  record Choice(ProcConnector connector, String reason) {
    boolean realtime() {
      return connector != null;
    }
  }

  private ProcessEventsMode() {}

  static Choice choose(String setting, boolean procfs, Opener opener) {
    String mode = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
    if (mode.equals("poll")) {
      return new Choice(null, "TOCSIN_AGENT_PROCESS_EVENTS=poll");
    }
    if (!procfs) {
      return new Choice(null, "no procfs process table (" + System.getProperty("os.name") + ")");
    }
    try {
      return new Choice(opener.open(), "kernel process events connector");
    } catch (ProcConnector.Unavailable e) {
      return new Choice(null, e.getMessage());
    }
  }

  /**
   * Starts real-time collection when the setting and the system allow it, logging the choice; empty
   * means the caller keeps polling.
   *
   * @param procfs the procfs reader, or null when there is none (not Linux)
   */
  public static Optional<ExecCollector> start(
      String setting,
      ProcfsProcessSource procfs,
      ProcessEvents events,
      EventSink sink,
      ReportedProcesses reported,
      Clock clock) {
    Choice choice = choose(setting, procfs != null, ProcConnector::open);
    if (!choice.realtime()) {
      LOG.warn(
          "process events: polling every scan interval, processes shorter than it are missed ({})",
          choice.reason());
      return Optional.empty();
    }
    LOG.info("process events: real time from the {}", choice.reason());
    ExecCollector collector =
        new ExecCollector(choice.connector(), procfs, events, sink, reported, clock);
    collector.start();
    return Optional.of(collector);
  }

  /**
   * Why the connector cannot be used on this machine, or empty when it can (it is closed again).
   */
  public static Optional<String> unavailableReason() {
    try {
      ProcConnector.open().close();
      return Optional.empty();
    } catch (ProcConnector.Unavailable e) {
      return Optional.of(e.getMessage());
    }
  }
}
