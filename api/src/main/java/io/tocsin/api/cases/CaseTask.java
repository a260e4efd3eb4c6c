package io.tocsin.api.cases;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored task of a case, replaced whole under an optimistic check of {@link #version}. */
@Document(CaseTask.COLLECTION)
@CompoundIndex(
    name = "tenant_project_created",
    def = "{'tenantId': 1, 'projectId': 1, 'createdAt': 1}")
@CompoundIndex(name = "tenant_created", def = "{'tenantId': 1, 'createdAt': 1}")
class CaseTask {

  static final String COLLECTION = "case_tasks";
  static final String DONE = "done";

  @Id String id;
  String tenantId;
  String projectId;
  String title;
  String description;
  String status;
  String priority;
  Integer storyPoints;
  String assigneeId;
  String assigneeName;
  String assigneeEmail;
  Instant dueDate;
  Instant createdAt;
  Instant updatedAt;
  String createdBy;
  long version;
}
