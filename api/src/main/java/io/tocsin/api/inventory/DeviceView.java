package io.tocsin.api.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * A host in the OpenFrame seed's device shape ({@code id, name, type, status, last_seen, details}).
 */
final class DeviceView {

  private DeviceView() {}

  static Map<String, Object> of(Document h, boolean active) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", h.get("host_id"));
    d.put("name", h.get("hostname"));
    d.put("type", "host");
    d.put("status", active ? "online" : "offline");
    d.put("last_seen", InventoryViews.time(h.get("last_seen")));
    Map<String, Object> details = new LinkedHashMap<>();
    String os = join(h.getString("platform"), h.getString("platform_version"));
    if (os != null) {
      details.put("os", os);
    }
    List<?> ips = h.getList("ip_addresses", Object.class);
    if (ips != null && !ips.isEmpty()) {
      details.put("ip", ips.get(0));
      details.put("ips", ips);
    }
    for (String f : new String[] {"architecture", "cpu_count", "memory_total", "agent_version"}) {
      if (h.get(f) != null) {
        details.put(f, h.get(f));
      }
    }
    details.put("last_seen", d.get("last_seen"));
    d.put("details", details);
    return d;
  }

  private static String join(String platform, String version) {
    if (platform == null) {
      return version;
    }
    return version == null ? platform : platform + " " + version;
  }
}
