package io.tocsin.api.event;

import io.tocsin.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores a batch so that an event id is idempotent per host: a re-sent event (same id, same host)
 * is a duplicate, but an event whose id another host's event holds is stored under its {@link
 * HostScopedIds host-scoped id} instead of being dropped. So a compromised host that pre-claims
 * another host's ids cannot make that host's real events vanish (and go undetected) as duplicates.
 *
 * <p>The extra reads happen only for ids the insert reported as duplicates, by primary key.
 */
@Component
class IdClaims {

  private static final Logger log = LoggerFactory.getLogger(IdClaims.class);

  private final EventStore store;
  private final PendingEvaluations pending;

  IdClaims(EventStore store, PendingEvaluations pending) {
    this.store = store;
    this.pending = pending;
  }

  /**
   * What a claim-aware insert did.
   *
   * @param batch the pending batch, extended by any host-scoped ids
   * @param stored events stored now (some under a host-scoped id), to evaluate
   * @param duplicates events that were re-sends of what their own host already stored
   * @param rehomed sent id → host-scoped id for events whose id another host held
   */
  record Outcome(
      PendingEvaluations.Batch batch,
      List<Event> stored,
      List<Event> duplicates,
      Map<String, String> rehomed) {}

  Outcome insert(
      PendingEvaluations.Batch batch, List<Event> events, List<String> shapes, Instant at) {
    String tenantId = batch.tenantId();
    EventStore.InsertOutcome first = store.insert(tenantId, events, shapes, at);
    if (first.duplicates().isEmpty()) {
      return new Outcome(batch, first.stored(), List.of(), Map.of());
    }
    Map<String, String> shapeOf = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      shapeOf.putIfAbsent(events.get(i).id(), shapes.get(i));
    }
    Map<String, String> owners =
        store.hostsOf(tenantId, first.duplicates().stream().map(Event::id).toList());
    List<Event> foreign = new ArrayList<>();
    List<String> foreignShapes = new ArrayList<>();
    List<Event> duplicates = new ArrayList<>();
    Map<String, String> rehomed = new LinkedHashMap<>();
    for (Event event : first.duplicates()) {
      String owner = owners.get(event.id());
      if (owner == null || owner.equals(hostKey(event))) {
        duplicates.add(event);
        continue;
      }
      String scoped = HostScopedIds.scoped(event.id(), event.hostId());
      rehomed.put(event.id(), scoped);
      foreign.add(event.with("id", scoped));
      foreignShapes.add(shapeOf.get(event.id()));
    }
    if (foreign.isEmpty()) {
      return new Outcome(batch, first.stored(), duplicates, Map.of());
    }
    PendingEvaluations.Batch extended =
        pending.extend(batch, foreign.stream().map(Event::id).toList());
    EventStore.InsertOutcome second = store.insert(tenantId, foreign, foreignShapes, at);
    for (Event event : second.duplicates()) {
      if (!Objects.equals(
          store.hostsOf(tenantId, List.of(event.id())).get(event.id()), hostKey(event))) {
        log.warn("tenant {}: host-scoped id {} is held by another host", tenantId, event.id());
      }
      duplicates.add(event);
    }
    List<Event> stored = new ArrayList<>(first.stored());
    stored.addAll(second.stored());
    return new Outcome(extended, stored, duplicates, rehomed);
  }

  private static String hostKey(Event event) {
    return event.hostId() == null ? "" : event.hostId();
  }
}
