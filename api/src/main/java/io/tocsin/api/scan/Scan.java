package io.tocsin.api.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One requested scan; its id is also the id of the agent command that runs it. */
@Document(Scan.COLLECTION)
@CompoundIndex(
    name = "tenant_status_completed",
    def = "{'tenantId': 1, 'status': 1, 'completedAt': -1}")
class Scan {

  static final String COLLECTION = "security_scans";

  static final String QUEUED = "queued";
  static final String SENT = "sent";
  static final String COMPLETED = "completed";
  static final String FAILED = "failed";
  static final String EXPIRED = "expired";

  @Id String id;
  String tenantId;
  String target;
  String hostId;
  List<String> checks = new ArrayList<>();
  String status;
  String requestedBy;
  String requestedByName;
  Instant createdAt;
  Instant sentAt;
  Instant completedAt;
  String message;
  Map<String, Object> results = new LinkedHashMap<>();
  List<Map<String, Object>> findings = new ArrayList<>();

  Scan() {}

  ScanView view() {
    return new ScanView(
        id,
        id,
        status,
        target,
        hostId,
        checks,
        requestedByName,
        createdAt,
        sentAt,
        completedAt,
        message,
        results == null ? Map.of() : results,
        findings == null ? List.of() : findings.stream().map(ScanFinding::stored).toList(),
        ScanFindings.summary(results, findings));
  }
}
