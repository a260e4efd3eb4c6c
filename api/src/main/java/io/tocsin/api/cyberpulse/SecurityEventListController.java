package io.tocsin.api.cyberpulse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.event.EventStore;
import io.tocsin.api.event.PendingEvaluations;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.web.Paging;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/security/events}: the tenant's events, newest first, as a plain JSON list (the
 * CyberPulse client iterates {@code resp.json()}); the total is in {@code X-Total-Count}. {@code
 * processed=true} keeps events the engine has evaluated with their detections recorded, {@code
 * false} those still waiting for evaluation (see {@link PendingEvaluations}).
 */
@RestController
@Tag(name = "Security events", description = "CyberPulse security events: ingest and list")
class SecurityEventListController {

  static final String TOTAL_HEADER = "X-Total-Count";
  private static final Document NEWEST_FIRST = new Document("ts", -1).append("id", -1);
  private static final List<String> SEVERITIES =
      List.of("info", "low", "medium", "high", "critical");

  private final EventStore events;
  private final PendingEvaluations pending;

  SecurityEventListController(EventStore events, PendingEvaluations pending) {
    this.events = events;
    this.pending = pending;
  }

  @GetMapping("/api/v1/security/events")
  @PreAuthorize(Authz.VIEWER)
  @Operation(summary = "List security events newest first as a plain array (X-Total-Count)")
  @ApiResponse(
      responseCode = "200",
      description = "The page; the number of matching events is in X-Total-Count",
      headers = @Header(name = TOTAL_HEADER, schema = @Schema(type = "integer")))
  ResponseEntity<List<SecurityEventView>> listSecurityEvents(
      CurrentPrincipal principal,
      @RequestParam(required = false) String skip,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String severity,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(required = false) String processed) {
    int offset = integer("skip", skip, 0, 0, Integer.MAX_VALUE);
    int size = integer("limit", limit, Paging.DEFAULT_LIMIT, 1, Paging.MAX_LIMIT);
    Instant start = DateParam.start("start_date", startDate);
    Instant end = DateParam.end("end_date", endDate);
    if (start != null && end != null && start.isAfter(end)) {
      throw InvalidField.of("start_date", "must not be after end_date");
    }
    String tenant = principal.tenantId();
    Set<String> waiting = pending.pendingIds(tenant);
    Document filter = new Document();
    if (start != null || end != null) {
      Document range = new Document();
      if (start != null) {
        range.append("$gte", Date.from(start));
      }
      if (end != null) {
        range.append("$lte", Date.from(end));
      }
      filter.append("ts", range);
    }
    if (severity != null && !severity.isBlank()) {
      filter.append("severity", new Document("$in", severities(severity)));
    }
    Boolean wantProcessed = bool("processed", processed);
    if (wantProcessed != null) {
      filter.append("id", new Document(wantProcessed ? "$nin" : "$in", new ArrayList<>(waiting)));
    }
    long total = events.count(tenant, filter);
    List<SecurityEventView> page = new ArrayList<>();
    for (Event e : events.find(tenant, filter, NEWEST_FIRST, offset, size)) {
      page.add(SecurityEventView.of(e, !waiting.contains(e.id())));
    }
    return ResponseEntity.ok().header(TOTAL_HEADER, Long.toString(total)).body(page);
  }

  private static List<String> severities(String text) {
    List<String> out = new ArrayList<>();
    for (String s : text.split(",")) {
      String v = s.trim().toLowerCase(Locale.ROOT);
      if (!SEVERITIES.contains(v)) {
        throw InvalidField.of(
            "severity", "unknown severity [" + s.trim() + "], expected one of " + SEVERITIES);
      }
      out.add(v);
    }
    return out;
  }

  private static int integer(String name, String text, int fallback, int min, int max) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(text.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw InvalidField.of(
        name, "must be an integer between " + min + " and " + max + ", got [" + text.trim() + "]");
  }

  private static Boolean bool(String name, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String v = text.trim().toLowerCase(Locale.ROOT);
    if (Arrays.asList("true", "1", "yes").contains(v)) {
      return true;
    }
    if (Arrays.asList("false", "0", "no").contains(v)) {
      return false;
    }
    throw InvalidField.of(name, "must be true or false, got [" + text.trim() + "]");
  }
}
