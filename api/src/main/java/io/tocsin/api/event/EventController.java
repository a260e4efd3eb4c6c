package io.tocsin.api.event;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.PageCursor;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/events}: ingest (agents and writers), list and detail (any role). Ingest also
 * answers at {@code /api/events}, the path the OS-Pulse integration guide prints.
 */
@RestController
@Tag(name = "Events", description = "Ingest events in any accepted shape; list and read them")
class EventController {

  /** The OS-Pulse seed's ingest path (without the version segment). */
  static final String SEED_INGEST_PATH = "/api/events";

  private final IngestService ingest;
  private final EventQueryService queries;
  private final IngestProperties properties;

  EventController(IngestService ingest, EventQueryService queries, IngestProperties properties) {
    this.ingest = ingest;
    this.queries = queries;
    this.properties = properties;
  }

  /**
   * An array of events or one event, in any accepted input shape. 200 when at least one item was
   * accepted ({@code status} {@code ok} or {@code partial}), 400 when every item was refused.
   */
  @PostMapping("/api/v1/events")
  @PreAuthorize(Authz.INGEST)
  @Operation(summary = "Ingest one event or an array of events in any accepted shape")
  @IngestResponses
  IngestSummary ingestEvents(
      CurrentPrincipal principal,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description = "One event or an array of events; each item in any accepted shape",
              content = @Content(schema = @Schema(implementation = EventIngestBody.class)))
          @RequestBody
          Object body) {
    List<?> items = body instanceof List<?> list ? list : List.of(body);
    if (items.isEmpty()) {
      throw ApiException.badRequest("body: expected at least one event");
    }
    if (items.size() > properties.maxBatchSize()) {
      throw ApiException.badRequest(
          "body: at most " + properties.maxBatchSize() + " events per request, got " + items.size(),
          Map.of("max_batch_size", properties.maxBatchSize()));
    }
    IngestResult result = ingest.ingest(principal.tenantId(), principal.agentHostId(), items);
    List<IngestSummary.RejectedEvent> rejected =
        result.rejected().stream()
            .map(r -> new IngestSummary.RejectedEvent(r.index(), r.reason()))
            .toList();
    if (result.accepted().isEmpty()) {
      throw ApiException.badRequest(
          "No event accepted: " + result.rejected().get(0).reason(), Map.of("rejected", rejected));
    }
    return IngestSummary.of(result, rejected);
  }

  /** The OS-Pulse guide's path: the same ingest, its own operation. */
  @PostMapping(SEED_INGEST_PATH)
  @PreAuthorize(Authz.INGEST)
  @Operation(
      summary = "Ingest events at the OS-Pulse integration guide's path",
      description = "Same as POST /api/v1/events.")
  @IngestResponses
  IngestSummary ingestOsPulseEvents(
      CurrentPrincipal principal,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description = "One event or an array of events; each item in any accepted shape",
              content = @Content(schema = @Schema(implementation = EventIngestBody.class)))
          @RequestBody
          Object body) {
    return ingestEvents(principal, body);
  }

  @GetMapping("/api/v1/events")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List events newest first, by offset or cursor")
  EventPage listEvents(
      CurrentPrincipal principal,
      @RequestParam(name = "start_time", required = false) String startTime,
      @RequestParam(name = "end_time", required = false) String endTime,
      @RequestParam(name = "event_type", required = false) String eventType,
      @RequestParam(name = "host_id", required = false) String hostId,
      @RequestParam(name = "user_id", required = false) String userId,
      @RequestParam(name = "limit", required = false) Integer limit,
      @RequestParam(name = "offset", required = false) Long offset,
      @RequestParam(name = "cursor", required = false) String cursor) {
    if (offset != null && cursor != null) {
      throw ApiException.badRequest("offset: use either offset or cursor, not both");
    }
    if (offset != null && offset < 0) {
      throw ApiException.badRequest("offset: must not be negative");
    }
    EventQuery query =
        new EventQuery(
            TimeParams.instant("start_time", startTime),
            TimeParams.instant("end_time", endTime),
            eventType,
            hostId,
            userId,
            TimeParams.limit(limit),
            offset == null ? 0 : offset,
            cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor));
    TimeParams.range(query.start(), query.end());
    return queries.list(principal.tenantId(), query);
  }

  @GetMapping("/api/v1/events/{id}")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "Read one event with its ingest metadata")
  EventView getEvent(CurrentPrincipal principal, @PathVariable String id) {
    return queries.detail(principal.tenantId(), id);
  }
}
