package io.tocsin.api.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.web.PageInfo;
import java.util.List;
import java.util.Map;

/**
 * The Process Monitoring (and OpenFrame device) response bodies, as {@link InventoryViews} builds
 * them from stored documents. Times are ISO-8601 UTC strings; an absent value is left out. Values
 * the agent sent as it measured them (system metrics) are {@link Number}: they travel back with the
 * JSON type they arrived in.
 */
final class InventoryResponses {

  private InventoryResponses() {}

  /** A host of {@code /hosts/summary/} and {@code /hosts/{id}/}. */
  record HostView(
      @Schema(description = "Same as host_id (the seed's name)") String id,
      String hostId,
      String hostname,
      @Schema(description = "The first of ip_addresses") String ipAddress,
      List<String> ipAddresses,
      String platform,
      String platformVersion,
      @Schema(description = "Same as platform_version (the seed's name)") String osInfo,
      String architecture,
      Long cpuCount,
      @Schema(description = "Physical memory in bytes") Long totalMemory,
      Double totalMemoryGb,
      String agentVersion,
      @JsonProperty("is_active")
          @Schema(description = "Whether the host submitted within the inactivity window")
          boolean active,
      String firstSeen,
      String lastSeen,
      String bootTime,
      Double uptimeHours,
      @Schema(description = "Same as first_seen") String createdAt,
      @Schema(description = "Same as last_seen") String updatedAt,
      HostSnapshotTotals latestSnapshot,
      @Schema(description = "Processes of the latest snapshot") Long processCount) {}

  /** The totals of a host's latest snapshot, inside {@link HostView}. */
  record HostSnapshotTotals(
      @Schema(description = "Snapshot id") String id,
      String timestamp,
      Long totalProcesses,
      Double totalCpuPercent,
      Double totalMemoryMb,
      @Schema(description = "System CPU percent as the agent sent it") Number systemCpuPercent,
      @Schema(description = "System memory percent as the agent sent it")
          Number systemMemoryPercent) {}

  /** The host a snapshot or a metrics row belongs to. */
  record InventoryHostRef(String id, String hostname, String platform) {}

  /** A snapshot without its processes ({@code /snapshots/latest/}). */
  record SnapshotView(
      String id,
      InventoryHostRef host,
      String hostId,
      @Schema(description = "When the agent took the snapshot") String timestamp,
      Long totalProcesses,
      Double totalCpuPercent,
      Double totalMemoryMb,
      Number systemCpuPercent,
      Number systemMemoryPercent,
      @Schema(description = "When the server received it") String createdAt) {}

  /** A snapshot with its processes (by pid) and its system metrics as submitted. */
  record SnapshotDetail(
      @JsonUnwrapped SnapshotView snapshot,
      List<ProcessView> processes,
      @Schema(description = "The system metrics exactly as the agent submitted them")
          Object systemMetrics) {}

  /** One process row ({@code /processes/}, snapshot details). */
  record ProcessView(
      String id,
      @Schema(description = "Same as snapshot_id (the seed's name)") String snapshot,
      String snapshotId,
      String hostId,
      String hostname,
      Long pid,
      Long ppid,
      String name,
      String exe,
      String cmdline,
      String status,
      String username,
      Double cpuPercent,
      @Schema(description = "Resident memory in bytes") Long memoryRss,
      Double memoryRssMb,
      Double memoryPercent,
      @Schema(description = "Virtual memory in bytes") Long memoryVms,
      Double memoryVmsMb,
      String createTime,
      Long numThreads,
      Long nice,
      String parentProcessName,
      Long childProcessesCount,
      @Schema(description = "Seconds from create_time to the snapshot") Long uptimeSeconds,
      @Schema(description = "When the snapshot was taken") String createdAt) {}

  /** The short process shape of the top-cpu / top-memory lists and of tree nodes. */
  record ProcessBrief(
      String id,
      Long pid,
      Long ppid,
      String name,
      String exe,
      String status,
      String username,
      Double cpuPercent,
      Long memoryRss,
      Double memoryRssMb,
      Double memoryPercent,
      String hostId,
      String hostname,
      String snapshotId) {}

  /** A node of the seed's process tree: a process and the processes it started. */
  record ProcessTreeNode(ProcessBrief process, List<ProcessTreeNode> children) {}

  /** System metrics of one snapshot in the seed's flat names, plus the metrics as submitted. */
  record SystemMetricsView(
      String id,
      InventoryHostRef host,
      String hostId,
      String timestamp,
      Number cpuCount,
      Number cpuPercent,
      Number cpuFreqCurrent,
      Number cpuFreqMin,
      Number cpuFreqMax,
      List<Number> loadAverage,
      Number memoryTotal,
      Number memoryAvailable,
      Number memoryUsed,
      Number memoryFree,
      Number memoryPercent,
      Map<String, Number> diskIo,
      Map<String, Number> networkIo,
      Double memoryTotalGb,
      Double memoryAvailableGb,
      Double memoryUsedGb,
      @Schema(description = "Usage by mount point") Map<String, DiskUsage> diskUsage,
      @Schema(description = "The system metrics exactly as the agent submitted them")
          Object systemMetrics,
      String createdAt) {}

  /** The usage of one mounted file system. */
  record DiskUsage(
      String device, String fstype, Number total, Number used, Number free, Number percent) {}

  /** {@code /status/}: the tenant's inventory counts. */
  record InventoryStatus(
      String status,
      String tenantId,
      HostCounts hosts,
      long snapshots,
      @Schema(description = "Rows of each host's latest snapshot") long processes,
      @Schema(description = "Every stored process row (bounded by the history)")
          long storedProcesses,
      @Schema(description = "Absent until the first snapshot arrives") String lastSubmission,
      long inactiveAfterSeconds,
      int snapshotHistory,
      String serverTime) {}

  /** Hosts by activity. */
  record HostCounts(long total, long active, long inactive) {}

  /** The OpenFrame seed's device page, with the paging fields every list carries. */
  record DevicePage(
      List<DeviceView> devices,
      int page,
      int perPage,
      long totalPages,
      DevicePageMeta meta,
      @JsonUnwrapped PageInfo paging) {}

  /** The OpenFrame seed's {@code meta} block. */
  record DevicePageMeta(int page, int perPage, long total) {}

  /** {@code POST /submit/}'s answer: where the snapshot was stored. */
  record SubmitResult(
      String status,
      @Schema(description = "Same as snapshot_id") String id,
      String snapshotId,
      String hostId,
      String hostname,
      String timestamp,
      int processesCount) {}

  /** {@code /test-connection/}: whose credential this is. */
  record ConnectionCheck(
      String status,
      String message,
      boolean authenticated,
      @Schema(
              description = "api_key or user",
              allowableValues = {"api_key", "user"})
          String credential,
      String tenantId,
      @Schema(description = "API keys only") String apiKeyId,
      @Schema(description = "API keys only") String apiKeyName,
      @Schema(description = "Users only") String userId,
      @Schema(description = "Users only") String username,
      @Schema(description = "Users only") String role,
      String apiVersion,
      String serverTime) {}
}
