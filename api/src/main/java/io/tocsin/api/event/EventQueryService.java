package io.tocsin.api.event;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.PageCursor;
import io.tocsin.api.web.PageInfo;
import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;

/**
 * {@code GET /events} and {@code GET /events/{id}}: newest first, ties broken by id, so a cursor
 * (the last {@code ts} and {@code id} seen) continues exactly where the previous page ended.
 */
@Service
class EventQueryService {

  private static final Document NEWEST_FIRST = new Document("ts", -1).append("id", -1);

  private final EventStore store;
  private final PendingEvaluations pending;

  EventQueryService(EventStore store, PendingEvaluations pending) {
    this.store = store;
    this.pending = pending;
  }

  EventPage list(String tenantId, EventQuery query) {
    Document filter = filter(tenantId, query);
    long total = store.count(tenantId, filter);
    Document page = filter;
    if (query.cursor() != null) {
      Date ts = Date.from(query.cursor().ts());
      Document after =
          new Document(
              "$or",
              List.of(
                  new Document("ts", new Document("$lt", ts)),
                  new Document("ts", ts).append("id", new Document("$lt", query.cursor().id()))));
      page = new Document("$and", List.of(filter, after));
    }
    List<Event> events = new ArrayList<>(query.limit() + 1);
    int skip = query.cursor() == null ? (int) Math.min(query.offset(), Integer.MAX_VALUE) : 0;
    store.find(tenantId, page, NEWEST_FIRST, skip, query.limit() + 1).forEach(events::add);
    boolean hasMore = events.size() > query.limit();
    List<Event> shown = hasMore ? events.subList(0, query.limit()) : events;
    Event last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
    String next =
        hasMore && last.timestamp() != null
            ? new PageCursor(last.timestamp(), last.id()).encode()
            : null;
    // next_cursor is offered on offset pages too, so a client can switch to the stable cursor
    PageInfo info =
        new PageInfo(
            total, query.limit(), query.cursor() == null ? query.offset() : null, hasMore, next);
    return new EventPage(shown.stream().map(EventViews::view).toList(), info);
  }

  EventView detail(String tenantId, String id) {
    return store
        .findById(tenantId, id)
        .map(stored -> EventViews.detail(stored, !pending.isPending(tenantId, id)))
        .orElseThrow(() -> ApiException.notFound("Event " + id));
  }

  private static Document filter(String tenantId, EventQuery q) {
    Document filter = new Document();
    if (q.start() != null || q.end() != null) {
      Document range = new Document();
      if (q.start() != null) {
        range.append("$gte", Date.from(q.start()));
      }
      if (q.end() != null) {
        range.append("$lte", Date.from(q.end()));
      }
      filter.append("ts", range);
    }
    putIfSet(filter, "event.type", q.eventType());
    putIfSet(filter, "host_id", q.hostId());
    putIfSet(filter, "user.id", q.userId());
    return filter;
  }

  private static void putIfSet(Document filter, String field, String value) {
    if (value != null && !value.isBlank()) {
      filter.append(field, value.trim());
    }
  }
}
