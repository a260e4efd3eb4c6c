package io.tocsin.api.cases;

import java.util.Map;

/**
 * A stored change of a case or of one of its tasks, published as a Spring application event after
 * the write, on the writing thread.
 *
 * @param tenantId tenant of the case
 * @param type {@link #CASE_CREATED}, {@link #CASE_UPDATED}, {@link #TASK_CREATED} or {@link
 *     #TASK_UPDATED}
 * @param data the case (for {@code case.*}: its API view without comments and audit, plus {@code
 *     changes}, the audit entries of this write) or the task (for {@code task.*}) as the API shows
 *     it; both carry {@code id} and {@code version}
 */
public record CaseChanged(String tenantId, String type, Map<String, Object> data) {

  public static final String CASE_CREATED = "case.created";
  public static final String CASE_UPDATED = "case.updated";
  public static final String TASK_CREATED = "task.created";
  public static final String TASK_UPDATED = "task.updated";

  public boolean isCaseEvent() {
    return type.startsWith("case.");
  }

  /** Id of the case or task. */
  public String id() {
    return String.valueOf(data.get("id"));
  }

  /** Version of the case or task after this write (1 when created). */
  public long version() {
    return data.get("version") instanceof Number n ? n.longValue() : 0;
  }
}
