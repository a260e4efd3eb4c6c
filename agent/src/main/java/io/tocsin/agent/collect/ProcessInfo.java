package io.tocsin.agent.collect;

import java.util.List;

/**
 * One row of the process table.
 *
 * @param startTime start time in epoch milliseconds (with pid, identifies the process)
 * @param cpuPercent CPU use since the previous scan, percent of one core (0 on the first scan)
 */
public record ProcessInfo(
    long pid,
    long ppid,
    String name,
    String exe,
    List<String> cmd,
    String commandLine,
    String user,
    long startTime,
    String status,
    double cpuPercent,
    long rss,
    int threads) {

  public ProcessInfo {
    cmd = cmd == null ? List.of() : List.copyOf(cmd);
  }

  /** Identity of a process across scans: pids are reused, (pid, start time) is not. */
  public String key() {
    return pid + "@" + startTime;
  }
}
