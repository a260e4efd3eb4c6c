package io.tocsin.api.cases;

import io.tocsin.api.alert.Assignees;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.user.User;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Resolves the {@code assignee} of a case or task body to a user of the tenant, or refuses it. */
@Component
class CaseAssignees {

  /**
   * What a body asks for the assignee.
   *
   * @param change false when the body has no assignee (leave it alone)
   * @param user the new assignee; null with {@code change} to unassign
   */
  record Assignment(boolean change, User user) {

    static final Assignment KEEP = new Assignment(false, null);
  }

  private final Assignees assignees;

  CaseAssignees(Assignees assignees) {
    this.assignees = assignees;
  }

  /** {@code who} as user id, username or email; empty string unassigns. */
  Assignment resolve(String tenantId, String field, String who) {
    if (who == null) {
      return Assignment.KEEP;
    }
    if (who.isBlank()) {
      return new Assignment(true, null);
    }
    User user =
        assignees
            .resolve(tenantId, who)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        field + " must be a user of this tenant",
                        Map.of("field", field, "reason", "no user [" + who + "] in this tenant")));
    return new Assignment(true, user);
  }
}
