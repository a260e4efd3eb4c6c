package io.tocsin.api.inventory;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.inventory.InventoryResponses.SubmitResult;
import io.tocsin.api.tenant.AgentQuota;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Stores one agent snapshot: the process rows (with parent names and child counts resolved from the
 * same table), the snapshot, the host's facts and its pointer to this snapshot; then trims the
 * host's history to {@link InventoryProperties#history()}. {@code last_seen} is the server's
 * receive time, not the agent's clock, so a skewed agent clock cannot keep a host "active".
 */
@Service
class SubmitService {

  private static final Logger log = LoggerFactory.getLogger(SubmitService.class);

  private final InventoryStore store;
  private final InventoryProperties properties;
  private final SubmissionParser parser;
  private final AgentQuota quota;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SubmitService(
      InventoryStore store,
      InventoryProperties properties,
      AgentQuota quota,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.events = events;
    this.properties = properties;
    this.quota = quota;
    this.parser = new SubmissionParser(properties.maxProcesses());
    this.clock = clock;
  }

  /**
   * {@code hostAllowed}: whether the caller may submit for a host (a bound API key: only its own).
   */
  SubmitResult submit(String tenantId, Predicate<String> hostAllowed, Object body) {
    Instant now = clock.instant();
    Submission s = parser.parse(body, now);
    if (!hostAllowed.test(s.hostId())) {
      throw ApiException.badRequest(
          "host_id: this API key is bound to another host",
          Map.of("field", "host_id", "reason", "this API key is bound to another host"));
    }
    if (!quota.admit(tenantId, List.of(s.hostId())).isEmpty()) {
      throw ApiException.badRequest(
          quota.reason(tenantId, s.hostId()),
          Map.of("field", "host_id", "max_agents", quota.limit(tenantId)));
    }
    String snapshotId = UUID.randomUUID().toString();
    List<Document> rows = rows(tenantId, snapshotId, s);
    double totalCpu = 0;
    long totalRss = 0;
    for (Submission.Proc p : s.processes()) {
      totalCpu += p.cpuPercent();
      totalRss += p.memoryRss() == null ? 0 : p.memoryRss();
    }
    Document summary =
        new Document("id", snapshotId)
            .append("timestamp", Date.from(s.timestamp()))
            .append("total_processes", s.processes().size())
            .append("total_cpu_percent", Math.round(totalCpu * 10) / 10.0)
            .append("total_memory_rss", totalRss)
            .append("system_cpu_percent", s.metrics().get("cpu_percent"))
            .append("system_memory_percent", s.metrics().get("memory_percent"));
    Document snapshot =
        new Document(summary)
            .append("_id", snapshotId)
            .append(InventoryStore.TENANT, tenantId)
            .append(InventoryStore.HOST_ID, s.hostId())
            .append("hostname", s.hostname())
            .append("platform", s.platform())
            .append(InventoryStore.RECEIVED_AT, Date.from(now))
            .append("metrics", new Document(s.metrics()))
            .append("metrics_json", s.metricsJson());
    snapshot.remove("id");
    store.save(
        host(tenantId, s, now, summary),
        new Document("first_seen", Date.from(now)),
        snapshot,
        rows);
    events.publishEvent(new DeviceChanged(tenantId, deviceChange(s, snapshotId, now)));
    int pruned = store.prune(tenantId, s.hostId(), properties.history());
    log.debug(
        "snapshot {} of host {} ({} processes, {} old snapshots pruned)",
        snapshotId,
        s.hostId(),
        rows.size(),
        pruned);
    return new SubmitResult(
        "success",
        snapshotId,
        snapshotId,
        s.hostId(),
        s.hostname(),
        s.timestamp().toString(),
        rows.size());
  }

  /** What the {@code devices} stream says about a report: the host and its latest numbers. */
  private static Map<String, Object> deviceChange(Submission s, String snapshotId, Instant now) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("host_id", s.hostId());
    change.put("hostname", s.hostname());
    change.put("platform", s.platform());
    change.put("last_seen", now.toString());
    change.put("snapshot_id", snapshotId);
    change.put("total_processes", s.processes().size());
    change.put("system_cpu_percent", s.metrics().get("cpu_percent"));
    change.put("system_memory_percent", s.metrics().get("memory_percent"));
    change.put("status", "online");
    return change;
  }

  private static Document host(String tenantId, Submission s, Instant now, Document summary) {
    Document host =
        new Document("_id", tenantId + "/" + s.hostId())
            .append(InventoryStore.TENANT, tenantId)
            .append(InventoryStore.HOST_ID, s.hostId())
            .append("hostname", s.hostname())
            .append(InventoryStore.LAST_SEEN, Date.from(now))
            .append("latest", summary);
    // Facts the agent left out keep their last known value rather than being erased.
    putIfPresent(host, "platform", s.platform());
    putIfPresent(host, "platform_version", s.platformVersion());
    putIfPresent(host, "architecture", s.architecture());
    putIfPresent(host, "cpu_count", s.cpuCount());
    putIfPresent(host, "memory_total", s.memoryTotal());
    putIfPresent(host, "boot_time", s.bootTime() == null ? null : Date.from(s.bootTime()));
    putIfPresent(host, "ip_addresses", s.ipAddresses().isEmpty() ? null : s.ipAddresses());
    putIfPresent(host, "agent_version", s.agentVersion());
    return host;
  }

  private static List<Document> rows(String tenantId, String snapshotId, Submission s) {
    Map<Long, String> names = new HashMap<>();
    Map<Long, Integer> children = new HashMap<>();
    for (Submission.Proc p : s.processes()) {
      names.put(p.pid(), p.name());
      if (p.ppid() != null && p.ppid() != p.pid()) {
        children.merge(p.ppid(), 1, Integer::sum);
      }
    }
    Date at = Date.from(s.timestamp());
    List<Document> rows = new ArrayList<>(s.processes().size());
    for (Submission.Proc p : s.processes()) {
      Document d =
          new Document("_id", snapshotId + ":" + p.pid())
              .append(InventoryStore.TENANT, tenantId)
              .append(InventoryStore.HOST_ID, s.hostId())
              .append("hostname", s.hostname())
              .append(InventoryStore.SNAPSHOT_ID, snapshotId)
              .append("snapshot_time", at)
              .append("pid", p.pid())
              .append("ppid", p.ppid())
              .append("name", p.name())
              .append("exe", p.exe())
              .append("cmdline", p.cmdline())
              .append("username", p.username())
              .append("status", p.status())
              .append("cpu_percent", p.cpuPercent())
              .append("memory_rss", p.memoryRss() == null ? 0L : p.memoryRss())
              .append("memory_vms", p.memoryVms())
              .append("memory_percent", p.memoryPercent())
              .append("create_time", p.createTime() == null ? null : Date.from(p.createTime()))
              .append("num_threads", p.numThreads())
              .append("nice", p.nice())
              .append(
                  "parent_process_name",
                  p.ppid() == null || p.ppid() == p.pid() ? null : names.get(p.ppid()))
              .append("child_processes_count", children.getOrDefault(p.pid(), 0));
      rows.add(d);
    }
    return rows;
  }

  private static void putIfPresent(Document d, String key, Object value) {
    if (value != null) {
      d.append(key, value);
    }
  }
}
