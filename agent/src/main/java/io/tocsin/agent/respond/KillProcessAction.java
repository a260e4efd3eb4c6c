package io.tocsin.agent.respond;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill_process {"pid": N, "name"?: expected name, "force"?: bool}}. Refuses pid 1 (and
 * anything ≤ 1), the agent itself and its parent; refuses when {@code name} is given and does not
 * match (guards against pid reuse). Sends SIGTERM, then SIGKILL after a grace period (at once with
 * {@code force}).
 */
public final class KillProcessAction implements ResponseAction {

  private static final Logger LOG = LoggerFactory.getLogger(KillProcessAction.class);

  private final boolean enabled;
  private final Duration grace;

  public KillProcessAction(boolean enabled, Duration grace) {
    this.enabled = enabled;
    this.grace = grace;
  }

  @Override
  public String type() {
    return "kill_process";
  }

  @Override
  public CommandResult execute(Command command) {
    long pid;
    try {
      pid = Long.parseLong(String.valueOf(command.parameters().get("pid")).replaceAll("\\.0$", ""));
    } catch (NumberFormatException e) {
      return CommandResult.failed("parameter pid is missing or not a number", Map.of());
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("pid", pid);
    ProcessHandle self = ProcessHandle.current();
    if (pid <= 1 || pid == self.pid() || self.parent().map(ProcessHandle::pid).orElse(-1L) == pid) {
      return CommandResult.failed("refusing to kill protected pid " + pid, details);
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return CommandResult.failed("no such process " + pid, details);
    }
    String command0 = handle.get().info().command().orElse("");
    details.put("exe", command0);
    String expected = command.text("name");
    if (expected != null && !command0.endsWith("/" + expected) && !command0.equals(expected)) {
      return CommandResult.failed(
          "process " + pid + " is [" + command0 + "], not [" + expected + "]", details);
    }
    boolean force = Boolean.parseBoolean(command.text("force"));
    if (!enabled) {
      LOG.warn("DRY RUN: would kill pid {} ({})", pid, command0);
      return CommandResult.dryRun(
          "would send " + (force ? "SIGKILL" : "SIGTERM") + " to pid " + pid, details);
    }
    return kill(handle.get(), force, details);
  }

  private CommandResult kill(ProcessHandle process, boolean force, Map<String, Object> details) {
    boolean sent = force ? process.destroyForcibly() : process.destroy();
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      process.destroyForcibly();
      details.put("escalated", "SIGKILL");
      try {
        process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception again) {
        LOG.debug("pid {} still alive after SIGKILL: {}", process.pid(), again.toString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      LOG.debug("waiting for pid {}: {}", process.pid(), e.toString());
    }
    if (process.isAlive()) {
      return CommandResult.failed(
          "pid " + process.pid() + " survived the kill (signal sent: " + sent + ")", details);
    }
    LOG.warn("killed pid {}", process.pid());
    return CommandResult.succeeded("killed pid " + process.pid(), details);
  }
}
