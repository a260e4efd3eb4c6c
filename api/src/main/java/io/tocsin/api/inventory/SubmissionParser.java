package io.tocsin.api.inventory;

import io.tocsin.api.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a {@code POST /submit/} body into a {@link Submission}. Accepts the agent's shape
 * ({@code host_id}, {@code ip_addresses}, {@code platform_version}, {@code memory_total}, ISO
 * times, nested metrics) and the seed's ({@code ip_address}, {@code os_info}, {@code total_memory},
 * epoch {@code create_time}, flat metrics). Unknown fields are ignored so newer agents keep
 * working. Free text (names, paths, command lines) is truncated rather than refused: an agent
 * cannot shorten a host's command lines, and losing a whole snapshot to one long line helps nobody.
 */
final class SubmissionParser {

  static final int MAX_CMDLINE = 8192;
  private static final Pattern HOST_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.%a-zA-Z_-]{2,64}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int maxProcesses;

  SubmissionParser(int maxProcesses) {
    this.maxProcesses = maxProcesses;
  }

  Submission parse(Object body, Instant now) {
    if (!(body instanceof Map<?, ?> root)) {
      throw ApiException.badRequest("The snapshot must be a JSON object");
    }
    FieldReader r = new FieldReader();
    String hostname = r.string(root, "hostname", "hostname", 255);
    if (hostname == null || hostname.isBlank()) {
      r.fail("hostname", "is required");
    }
    String hostId = r.string(root, "host_id", "host_id", 128);
    if (hostId != null && !HOST_ID.matcher(hostId).matches()) {
      r.fail("host_id", "must be 1-128 characters of letters, digits and . _ : @ -");
    }
    String platformVersion = r.string(root, "platform_version", "platform_version", 255);
    if (platformVersion == null) {
      platformVersion = r.string(root, "os_info", "os_info", 255);
    }
    Long memory = r.integer(root, "memory_total", "memory_total", 0, Long.MAX_VALUE);
    if (memory == null) {
      memory = r.integer(root, "total_memory", "total_memory", 0, Long.MAX_VALUE);
    }
    Long cpus = r.integer(root, "cpu_count", "cpu_count", 0, 1_000_000);
    Instant timestamp = r.time(root, "timestamp", "timestamp");
    List<Submission.Proc> processes = processes(r, root);
    Map<?, ?> rawMetrics = r.object(root, "system_metrics", "system_metrics");
    Submission submission =
        new Submission(
            hostId != null ? hostId : derivedHostId(hostname),
            hostname == null ? null : hostname.trim(),
            r.string(root, "platform", "platform", 255),
            platformVersion,
            r.string(root, "architecture", "architecture", 64),
            cpus == null ? null : cpus.intValue(),
            memory,
            r.time(root, "boot_time", "boot_time"),
            ips(r, root),
            r.string(root, "agent_version", "agent_version", 64),
            timestamp == null ? now : timestamp,
            processes,
            rawMetrics == null ? Map.of() : MetricsNormalizer.normalize(rawMetrics),
            rawMetrics == null ? null : JSON.writeValueAsString(rawMetrics));
    if (!r.errors().isEmpty()) {
      throw ApiException.badRequest(
          "Invalid snapshot: " + r.errors().size() + " problem(s)", Map.of("fields", r.errors()));
    }
    return submission;
  }

  private List<Submission.Proc> processes(FieldReader r, Map<?, ?> root) {
    List<?> rows = r.array(root, "processes", "processes");
    if (rows == null) {
      if (!root.containsKey("processes")) {
        r.fail("processes", "is required (an array, may be empty)");
      }
      return List.of();
    }
    if (rows.size() > maxProcesses) {
      r.fail("processes", "must hold at most " + maxProcesses + " processes");
      return List.of();
    }
    List<Submission.Proc> out = new ArrayList<>(rows.size());
    Set<Long> pids = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      String at = "processes[" + i + "]";
      if (!(rows.get(i) instanceof Map<?, ?> p)) {
        r.fail(at, "must be an object");
        continue;
      }
      Long pid = r.integer(p, "pid", at + ".pid", 0, Long.MAX_VALUE);
      if (pid == null) {
        if (p.get("pid") == null) {
          r.fail(at + ".pid", "is required");
        }
        continue;
      }
      if (!pids.add(pid)) {
        r.fail(at + ".pid", "duplicate pid " + pid + " in this snapshot");
        continue;
      }
      Double cpu = r.nonNegative(p, "cpu_percent", at + ".cpu_percent");
      Long threads = r.integer(p, "num_threads", at + ".num_threads", 0, Integer.MAX_VALUE);
      Long nice = r.integer(p, "nice", at + ".nice", -100, 100);
      String status = r.string(p, "status", at + ".status", 64);
      out.add(
          new Submission.Proc(
              pid,
              r.integer(p, "ppid", at + ".ppid", 0, Long.MAX_VALUE),
              truncated(r, p, "name", at, 1024),
              truncated(r, p, "exe", at, 4096),
              cmdline(r, p, at),
              truncated(r, p, "username", at, 256),
              status == null ? null : status.toLowerCase(Locale.ROOT),
              cpu == null ? 0.0 : cpu,
              r.integer(p, "memory_rss", at + ".memory_rss", 0, Long.MAX_VALUE),
              r.integer(p, "memory_vms", at + ".memory_vms", 0, Long.MAX_VALUE),
              r.nonNegative(p, "memory_percent", at + ".memory_percent"),
              r.time(p, "create_time", at + ".create_time"),
              threads == null ? null : threads.intValue(),
              nice == null ? null : nice.intValue()));
    }
    return out;
  }

  private static String truncated(FieldReader r, Map<?, ?> p, String key, String at, int max) {
    String s = r.string(p, key, at + "." + key, Integer.MAX_VALUE);
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** A command line as one string; an argv array (some agents send one) is joined by spaces. */
  private static String cmdline(FieldReader r, Map<?, ?> p, String at) {
    Object value = p.get("cmdline");
    if (value instanceof List<?> argv) {
      StringBuilder line = new StringBuilder();
      for (Object arg : argv) {
        if (!(arg instanceof String s)) {
          r.fail(at + ".cmdline", "must be a string or an array of strings");
          return null;
        }
        line.append(line.isEmpty() ? "" : " ").append(s);
      }
      value = line.toString();
    }
    return truncated(
        r, value == null ? Map.of() : Map.of("cmdline", value), "cmdline", at, MAX_CMDLINE);
  }

  private static List<String> ips(FieldReader r, Map<?, ?> root) {
    List<String> ips = new ArrayList<>();
    List<?> list = r.array(root, "ip_addresses", "ip_addresses");
    if (list != null) {
      for (int i = 0; i < list.size() && i < 64; i++) {
        if (list.get(i) instanceof String ip && IP.matcher(ip).matches()) {
          ips.add(ip);
        } else {
          r.fail("ip_addresses[" + i + "]", "must be an IP address");
        }
      }
    }
    String single = r.string(root, "ip_address", "ip_address", 64);
    if (single != null && !single.isEmpty() && !ips.contains(single)) {
      if (IP.matcher(single).matches()) {
        ips.add(0, single);
      } else {
        r.fail("ip_address", "must be an IP address");
      }
    }
    return ips;
  }

  /** Seed clients send no host id: derive a stable one from the (case-folded) hostname. */
  static String derivedHostId(String hostname) {
    if (hostname == null) {
      return null;
    }
    byte[] name =
        ("host:" + hostname.trim().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }
}
