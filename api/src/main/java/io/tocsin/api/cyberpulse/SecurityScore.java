package io.tocsin.api.cyberpulse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dashboard's {@code security_score}, 0–100: 100 minus capped penalties for what is open now.
 *
 * <pre>
 * score = 100 − min(40, 10·critical) − min(20, 4·high) − min(10, 1·medium)
 *             − min(20, 5·vulnerabilities) − round(10 · offline hosts / known hosts)
 * </pre>
 *
 * Alerts count while not closed (open or acknowledged). The caps keep one noisy class from hiding
 * the others: 4 open criticals already cost 40 points, more cost nothing extra. A host is offline
 * when its agent has not polled for commands in the last 5 minutes.
 */
record SecurityScore(
    long critical,
    long high,
    long medium,
    long vulnerabilities,
    long knownHosts,
    long onlineHosts) {

  int score() {
    return Math.max(
        0,
        Math.min(100, 100 - (int) penalties().values().stream().mapToLong(Long::longValue).sum()));
  }

  /** Each penalty, as the documented formula names it. */
  Map<String, Long> penalties() {
    Map<String, Long> p = new LinkedHashMap<>();
    p.put("critical_alerts", Math.min(40, 10 * critical));
    p.put("high_alerts", Math.min(20, 4 * high));
    p.put("medium_alerts", Math.min(10, medium));
    p.put("open_vulnerabilities", Math.min(20, 5 * vulnerabilities));
    long offline = Math.max(0, knownHosts - onlineHosts);
    p.put("offline_agents", knownHosts == 0 ? 0 : Math.round(10.0 * offline / knownHosts));
    return p;
  }
}
