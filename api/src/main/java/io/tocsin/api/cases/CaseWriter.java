package io.tocsin.api.cases;

import io.tocsin.api.error.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The only path by which cases change: read, mutate, bump {@code version} and {@code updated_at},
 * replace under an optimistic version check (running the mutation again on a fresh copy after a
 * lost race), then publish {@link CaseChanged}. The audit trail is append-only: entries are added,
 * never edited or dropped; a case that reached {@link #MAX_AUDIT} entries refuses further changes.
 */
@Component
class CaseWriter {

  static final int MAX_AUDIT = 10_000;
  private static final int MAX_ATTEMPTS = 100;

  /** A change to a case; appends its audit entries to {@code c.audit}. */
  @FunctionalInterface
  interface Mutation {
    /** Changes {@code c}; returns false when nothing changed. */
    boolean apply(Case c, Instant now);
  }

  private final CaseStore store;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CaseWriter(CaseStore store, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  void create(Case c) {
    c.version = 1;
    store.insert(c);
    publish(CaseChanged.CASE_CREATED, c, c.audit);
  }

  /** Applies {@code mutation} to the tenant's case; empty if there is no such case. */
  Optional<Case> mutate(String tenantId, String id, Mutation mutation) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Case> found = store.find(tenantId, id);
      if (found.isEmpty()) {
        return found;
      }
      Case c = found.get();
      long expected = c.version;
      int audited = c.audit.size();
      Instant now = now();
      if (!mutation.apply(c, now)) {
        return found;
      }
      if (c.audit.size() > MAX_AUDIT) {
        throw ApiException.badRequest(
            "case " + id + " has reached " + MAX_AUDIT + " audited changes; open a new case",
            Map.of("reason", "audit trail full"));
      }
      c.version = expected + 1;
      c.updatedAt = now;
      if (store.replace(c, expected)) {
        publish(CaseChanged.CASE_UPDATED, c, c.audit.subList(audited, c.audit.size()));
        return Optional.of(c);
      }
      Thread.onSpinWait();
    }
    throw new IllegalStateException("case " + id + " is changing too fast to update");
  }

  private void publish(String type, Case c, List<CaseAuditEntry> changes) {
    events.publishEvent(new CaseChanged(c.tenantId, type, CaseViews.change(c, changes)));
  }
}
