package io.tocsin.api.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code POST /submit/} body: host facts, the process table and system metrics. Built
 * by {@link SubmissionParser} from either the agent's shape or the seed's.
 *
 * @param hostId stable host id (the agent's machine id, or derived from the hostname)
 * @param hostname host name
 * @param platform OS family, e.g. {@code Debian GNU/Linux} or {@code Windows}
 * @param platformVersion OS version ({@code platform_version} or the seed's {@code os_info})
 * @param architecture CPU architecture
 * @param cpuCount logical CPUs
 * @param memoryTotal physical memory in bytes
 * @param bootTime host boot time
 * @param ipAddresses addresses of the host
 * @param agentVersion version of the sending agent
 * @param timestamp when the agent took the snapshot (the server's time when absent)
 * @param processes the process table
 * @param metrics system metrics normalized to flat seed names (safe MongoDB keys)
 * @param metricsJson system metrics exactly as sent, as JSON text (null when absent)
 */
record Submission(
    String hostId,
    String hostname,
    String platform,
    String platformVersion,
    String architecture,
    Integer cpuCount,
    Long memoryTotal,
    Instant bootTime,
    List<String> ipAddresses,
    String agentVersion,
    Instant timestamp,
    List<Proc> processes,
    Map<String, Object> metrics,
    String metricsJson) {

  /** One row of the submitted process table. */
  record Proc(
      long pid,
      Long ppid,
      String name,
      String exe,
      String cmdline,
      String username,
      String status,
      double cpuPercent,
      Long memoryRss,
      Long memoryVms,
      Double memoryPercent,
      Instant createTime,
      Integer numThreads,
      Integer nice) {}
}
