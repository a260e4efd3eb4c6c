package io.tocsin.api.scan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The findings that are still open: those of each host's latest completed scan (a later clean scan
 * closes the earlier findings of that host). For the dashboard and reports.
 */
@Component
public class ScanVulnerabilities {

  /** Completed scans read per call: enough for the latest of every host of a large fleet. */
  private static final int MAX_SCANS = 5000;

  private final MongoTemplate mongo;

  ScanVulnerabilities(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Each open finding with {@code host_id}, {@code scan_id} and {@code scanned_at} added. */
  public List<ScanFinding> openFindings(String tenantId) {
    Query completed =
        Query.query(where("tenantId").is(tenantId).and("status").is(Scan.COMPLETED))
            .with(Sort.by(Sort.Order.desc("completedAt")))
            .limit(MAX_SCANS);
    completed.fields().include("hostId", "completedAt", "findings");
    Set<String> seen = new HashSet<>();
    List<ScanFinding> out = new ArrayList<>();
    for (Scan s : mongo.find(completed, Scan.class)) {
      if (!seen.add(s.hostId) || s.findings == null) {
        continue;
      }
      for (Map<String, Object> f : s.findings) {
        out.add(ScanFinding.open(f, s.hostId, s.id, s.completedAt));
      }
    }
    return out;
  }
}
