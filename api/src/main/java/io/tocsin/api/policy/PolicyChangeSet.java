package io.tocsin.api.policy;

import io.tocsin.api.detection.TenantDefinitions;
import io.tocsin.engine.policy.PolicyDefinition;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of policy writes applied all or nothing: the caller validates {@link #result} (the tenant's
 * whole set after the changes) first, then {@link #apply} writes each change; if a write fails (a
 * concurrent edit on another node) the writes already done are reverted, each with a history entry,
 * and the failure is rethrown. The embedded store has no transactions, so this compensates instead.
 * Callers hold the tenant's lock throughout.
 */
final class PolicyChangeSet {

  enum Kind {
    CREATE,
    UPDATE,
    DELETE
  }

  /**
   * One change.
   *
   * @param existing the stored record (null for a create)
   * @param policy the new definition (null for a delete)
   */
  record Change(Kind kind, PolicyRecord existing, PolicyDefinition policy, boolean builtin) {}

  private final List<Change> changes = new ArrayList<>();

  void create(PolicyDefinition policy, boolean builtin) {
    changes.add(new Change(Kind.CREATE, null, policy, builtin));
  }

  void update(PolicyRecord existing, PolicyDefinition policy, boolean builtin) {
    changes.add(new Change(Kind.UPDATE, existing, policy, builtin));
  }

  void delete(PolicyRecord existing) {
    changes.add(new Change(Kind.DELETE, existing, null, existing.builtin()));
  }

  boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The tenant's definitions as they will be once every change is applied. */
  TenantDefinitions result(TenantDefinitions current) {
    Map<String, PolicyDefinition> byId = new LinkedHashMap<>();
    current.policies().forEach(p -> byId.put(p.id(), p));
    for (Change c : changes) {
      if (c.kind() == Kind.DELETE) {
        byId.remove(c.existing().policyId());
      } else {
        byId.put(c.policy().id(), c.policy());
      }
    }
    return new TenantDefinitions(List.copyOf(byId.values()), current.lists(), current.macros());
  }

  /** Writes every change, or none (see the class comment). */
  void apply(
      PolicyService service,
      PolicyStore store,
      Clock clock,
      String tenantId,
      String change,
      String user) {
    List<Runnable> undo = new ArrayList<>();
    try {
      for (Change c : changes) {
        switch (c.kind()) {
          case CREATE -> {
            PolicyRecord saved =
                service.write(tenantId, null, c.policy(), change, user, c.builtin());
            undo.add(() -> remove(store, clock, tenantId, saved, user));
          }
          case UPDATE -> {
            PolicyRecord saved =
                service.write(tenantId, c.existing(), c.policy(), change, user, c.builtin());
            PolicyDefinition before = PolicyStore.definition(c.existing());
            undo.add(
                () ->
                    service.write(
                        tenantId, saved, before, "reverted", user, c.existing().builtin()));
          }
          case DELETE -> {
            remove(store, clock, tenantId, c.existing(), user, change);
            PolicyDefinition before = PolicyStore.definition(c.existing());
            undo.add(
                () ->
                    service.write(
                        tenantId, null, before, "reverted", user, c.existing().builtin()));
          }
        }
      }
    } catch (RuntimeException e) {
      for (int i = undo.size() - 1; i >= 0; i--) {
        try {
          undo.get(i).run();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static void remove(
      PolicyStore store, Clock clock, String tenantId, PolicyRecord record, String user) {
    remove(store, clock, tenantId, record, user, "reverted");
  }

  private static void remove(
      PolicyStore store,
      Clock clock,
      String tenantId,
      PolicyRecord record,
      String user,
      String change) {
    store.remove(record);
    store.recordVersion(
        tenantId,
        record.policyId(),
        store.lastVersion(tenantId, record.policyId()) + 1,
        change.equals("reverted") ? "reverted" : "deleted",
        user,
        clock.instant().truncatedTo(ChronoUnit.MILLIS),
        record.source());
  }
}
