package io.tocsin.api.alert;

import io.tocsin.engine.Detection;
import io.tocsin.engine.policy.Action;
import io.tocsin.engine.policy.Severity;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds engine detections and events for tests, as the engine would emit them. */
public final class TestDetections {

  private TestDetections() {}

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A process event on {@code host} with pid 4242 run by alice. */
  public static Event event(String tenantId, String id, String host, Instant ts) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", id);
    f.put("tenant_id", tenantId);
    f.put("host_id", host);
    f.put("ts", ts);
    f.put("event.type", "process");
    f.put("process.name", "evil");
    f.put("process.pid", 4242L);
    f.put("file.path", "/tmp/evil.sh");
    f.put("user.name", "alice");
    return Event.of(f);
  }

  public static Detection detection(
      String id,
      String tenantId,
      String policyId,
      Severity severity,
      Action action,
      List<Event> events,
      long count) {
    Instant first = events.get(0).timestamp();
    Instant last = events.get(events.size() - 1).timestamp();
    return new Detection(
        id,
        Detection.Kind.NEW,
        tenantId,
        policyId,
        "Policy " + policyId,
        "rule_001",
        severity,
        action,
        Map.of(),
        Map.of("host_id", events.get(0).hostId()),
        events,
        severity.riskScore(),
        List.of("attack.t1059"),
        count,
        first,
        last,
        "condition matched");
  }
}
