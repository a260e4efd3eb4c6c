package io.tocsin.api.inventory;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Documentation of the bodies the inventory reads raw. {@link SubmissionParser} and {@link
 * ProcessQuery#fromBody} read them field by field (to accept both the agent's and the seed's names
 * and to report every problem with its path), so these records describe the accepted document for
 * the OpenAPI schema; no request is bound to them.
 */
final class InventoryRequests {

  private InventoryRequests() {}

  /** A host snapshot as {@code POST /submit/} accepts it: the agent's names or the seed's. */
  @Schema(description = "A host snapshot; unknown fields are ignored")
  record SnapshotSubmission(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String hostname,
      @Schema(
              description =
                  "1-128 of A-Za-z0-9._:@-; derived from the lower-cased hostname when absent")
          String hostId,
      String platform,
      String platformVersion,
      @Schema(description = "The seed's name for platform_version") String osInfo,
      String architecture,
      Long cpuCount,
      @Schema(description = "Physical memory in bytes") Long memoryTotal,
      @Schema(description = "The seed's name for memory_total") Long totalMemory,
      @Schema(
              description = "ISO-8601 instant or epoch seconds",
              oneOf = {String.class, Number.class})
          Object bootTime,
      List<String> ipAddresses,
      @Schema(description = "The seed's single address, put first in ip_addresses")
          String ipAddress,
      String agentVersion,
      @Schema(
              description = "When the snapshot was taken (ISO-8601 or epoch seconds); default now",
              oneOf = {String.class, Number.class})
          Object timestamp,
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              description = "The process table (may be empty), pids unique")
          List<SubmittedProcess> processes,
      @Schema(
              description =
                  "System metrics, nested as the agent sends them (cpu.percent, memory.total,"
                      + " disk.usage[], network.io) or flat as the seed does (cpu_percent,"
                      + " memory_total, disk_usage{mount: ...}, network_io); informational,"
                      + " wrongly typed values are skipped")
          Object systemMetrics) {}

  /** One row of a submitted process table. */
  @Schema(description = "One row of a submitted process table; unknown fields are ignored")
  record SubmittedProcess(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") Long pid,
      Long ppid,
      @Schema(description = "Truncated at 1,024 characters") String name,
      @Schema(description = "Truncated at 4,096 characters") String exe,
      // documented as the list, see ScanRequest.scan_type
      @ArraySchema(
              schema = @Schema(type = "string"),
              arraySchema =
                  @Schema(
                      description =
                          "An argv array (joined by spaces) or one string; truncated at 8,192 characters"))
          Object cmdline,
      String username,
      String status,
      @Schema(minimum = "0") Double cpuPercent,
      @Schema(description = "Resident memory in bytes", minimum = "0") Long memoryRss,
      @Schema(description = "Virtual memory in bytes", minimum = "0") Long memoryVms,
      @Schema(minimum = "0") Double memoryPercent,
      @Schema(
              description = "ISO-8601 instant or epoch seconds",
              oneOf = {String.class, Number.class})
          Object createTime,
      Integer numThreads,
      @Schema(minimum = "-100", maximum = "100") Integer nice) {}

  /** The filters of {@code POST /processes/search/}; paging stays in the query string. */
  @Schema(description = "Process filters; every one optional, paging in the query string")
  record ProcessSearch(
      String hostId,
      @Schema(description = "Host name substring (case-insensitive)") String hostname,
      @Schema(description = "One snapshot (any stored one); default: each host's latest")
          String snapshot,
      @Schema(description = "Same as snapshot") String snapshotId,
      @Schema(description = "Process name substring (case-insensitive)") String processName,
      @Schema(description = "Same as process_name") String name,
      String username,
      @Schema(description = "running, sleeping, ... (case-insensitive)") String status,
      Long pid,
      Long ppid,
      Double minCpu,
      Double maxCpu,
      @Schema(description = "Lowest memory_rss in bytes") Long minMemory,
      @Schema(description = "Highest memory_rss in bytes") Long maxMemory,
      @Schema(description = "Comma-separated fields, - for descending, e.g. -cpu_percent,pid")
          String ordering) {}
}
