package io.tocsin.api.cyberpulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hosts and events for the CyberPulse tests. */
public final class CyberPulseFixtures {

  private CyberPulseFixtures() {}

  /** Makes {@code hostId} a known host of the agent's tenant (a {@code POST /submit/}). */
  public static void host(ApiClient agent, String hostId, String hostname, String ip) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("host_id", hostId);
    s.put("hostname", hostname);
    s.put("platform", "Linux");
    s.put("ip_addresses", List.of(ip));
    s.put("timestamp", "2026-01-02T00:00:00Z");
    s.put("processes", List.of());
    ApiClient.Response r = agent.post("/api/v1/submit/", s);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  /** A CyberPulse security event (the seed's shape) with its own time, so it is not a retry. */
  static Map<String, Object> securityEvent(String severity, String timestamp, String sourceIp) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("source_ip", sourceIp);
    e.put("destination_ip", "10.0.0.5");
    e.put("port", 22);
    e.put("protocol", "SSH");
    e.put("event_type", "failed_login");
    e.put("severity", severity);
    e.put("timestamp", timestamp);
    e.put("payload", Map.of("username", "root", "attempts", 5));
    return e;
  }
}
