package io.tocsin.api.inventory;

import java.util.List;
import org.bson.Document;

/**
 * A host in the OpenFrame seed's device shape ({@code id, name, type, status, last_seen, details}).
 *
 * @param id host id
 * @param name host name
 * @param type always {@code host}
 * @param status {@code online} or {@code offline}
 * @param lastSeen when the host last submitted
 * @param details the host's facts
 */
record DeviceView(
    String id, String name, String type, String status, String lastSeen, DeviceDetails details) {

  /**
   * The facts of a device.
   *
   * @param os platform and version
   * @param ip the first address
   * @param ips every address
   * @param architecture CPU architecture
   * @param cpuCount logical CPUs
   * @param memoryTotal physical memory in bytes
   * @param agentVersion version of the agent
   * @param lastSeen same as the device's
   */
  record DeviceDetails(
      String os,
      String ip,
      List<String> ips,
      String architecture,
      Long cpuCount,
      Long memoryTotal,
      String agentVersion,
      String lastSeen) {}

  static DeviceView of(Document h, boolean active) {
    String lastSeen = InventoryViews.time(h.get("last_seen"));
    List<String> ips = h.getList("ip_addresses", String.class);
    boolean anyIp = ips != null && !ips.isEmpty();
    DeviceDetails details =
        new DeviceDetails(
            join(h.getString("platform"), h.getString("platform_version")),
            anyIp ? ips.get(0) : null,
            anyIp ? ips : null,
            h.getString("architecture"),
            InventoryViews.longOf(h.get("cpu_count")),
            InventoryViews.longOf(h.get("memory_total")),
            h.getString("agent_version"),
            lastSeen);
    return new DeviceView(
        h.getString("host_id"),
        h.getString("hostname"),
        "host",
        active ? "online" : "offline",
        lastSeen,
        details);
  }

  private static String join(String platform, String version) {
    if (platform == null) {
      return version;
    }
    return version == null ? platform : platform + " " + version;
  }
}
