package io.tocsin.api.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored alert. Mutable only inside this package and only through {@link AlertWriter}, which
 * replaces the whole document under an optimistic check of {@link #version}.
 */
@Document(Alert.COLLECTION)
@CompoundIndex(name = "tenant_updated", def = "{'tenantId': 1, 'updatedAt': -1}")
@CompoundIndex(name = "tenant_created", def = "{'tenantId': 1, 'createdAt': -1}")
@CompoundIndex(
    name = "tenant_status_created",
    def = "{'tenantId': 1, 'status': 1, 'createdAt': -1}")
@CompoundIndex(name = "tenant_host_created", def = "{'tenantId': 1, 'hostId': 1, 'createdAt': -1}")
@CompoundIndex(
    name = "tenant_status_severity_created",
    def = "{'tenantId': 1, 'status': 1, 'severity': 1, 'createdAt': -1}")
@CompoundIndex(
    name = "tenant_severity_created",
    def = "{'tenantId': 1, 'severity': 1, 'createdAt': -1}")
@CompoundIndex(
    name = "tenant_policy_created",
    def = "{'tenantId': 1, 'policyId': 1, 'createdAt': -1}")
@CompoundIndex(
    name = "tenant_assignee_created",
    def = "{'tenantId': 1, 'assigneeId': 1, 'createdAt': -1}")
public class Alert {

  /** Collection name, also used by analytics and retention. */
  public static final String COLLECTION = "alerts";

  static final String OPEN = "open";
  static final String ACKNOWLEDGED = "acknowledged";
  static final String CLOSED = "closed";

  @Id String id;
  String tenantId;
  String detectionId;
  String source;
  String title;
  String description;
  String severity;
  String status;
  Instant createdAt;
  Instant updatedAt;
  long version;
  List<String> eventIds = new ArrayList<>();
  List<Map<String, Object>> events = new ArrayList<>();
  String assigneeId;
  String assigneeName;
  String assigneeEmail;
  List<String> tags = new ArrayList<>();
  String policyId;
  String policyName;
  String ruleId;
  String hostId;
  List<String> userIds = new ArrayList<>();
  Map<String, Object> groupKey = new LinkedHashMap<>();
  long count;
  int riskScore;
  List<String> mitre = new ArrayList<>();
  List<AlertAction> actions = new ArrayList<>();
  List<AlertHistoryEntry> history = new ArrayList<>();
  List<AlertNote> notes = new ArrayList<>();
  Instant firstSeen;
  Instant lastSeen;
  String closeReason;
  Instant closedAt;
  String createdBy;

  /** The case (CyberPulse project) this alert is part of, set by {@link AlertCases}. */
  String caseId;

  /** When a closed alert expires: a TTL index on real MongoDB, the retention job elsewhere. */
  @Indexed(name = "expires_at_ttl", expireAfterSeconds = 0)
  Instant expiresAt;

  Alert() {}

  boolean isClosed() {
    return CLOSED.equals(status);
  }
}
