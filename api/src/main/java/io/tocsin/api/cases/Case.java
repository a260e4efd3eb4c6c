package io.tocsin.api.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored case (a CyberPulse project). Changed only through {@link CaseWriter}, which replaces the
 * whole document under an optimistic check of {@link #version}.
 */
@Document(Case.COLLECTION)
@CompoundIndex(name = "tenant_created", def = "{'tenantId': 1, 'createdAt': -1}")
@CompoundIndex(name = "tenant_updated", def = "{'tenantId': 1, 'updatedAt': 1}")
@CompoundIndex(
    name = "tenant_status_created",
    def = "{'tenantId': 1, 'status': 1, 'createdAt': -1}")
@CompoundIndex(
    name = "tenant_assignee_created",
    def = "{'tenantId': 1, 'assigneeId': 1, 'createdAt': -1}")
class Case {

  static final String COLLECTION = "cases";

  @Id String id;
  String tenantId;
  String name;
  String description;
  String status;
  String priority;
  Instant startDate;
  Instant endDate;
  String assigneeId;
  String assigneeName;
  String assigneeEmail;
  List<String> teamMembers = new ArrayList<>();
  List<String> tags = new ArrayList<>();
  List<String> alertIds = new ArrayList<>();

  /** The highest severity of the attached alerts; null while there are none. */
  String severity;

  /** Percent of the tasks' story points that are done. */
  int progress;

  List<CaseComment> comments = new ArrayList<>();
  List<CaseAuditEntry> audit = new ArrayList<>();
  Instant createdAt;
  Instant updatedAt;
  String createdBy;
  long version;
}
