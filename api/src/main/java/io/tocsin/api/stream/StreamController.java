package io.tocsin.api.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.TenantHeader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/stream?topics=alerts,security_events,devices,project_updates}: Server-Sent
 * Events of the caller's tenant, with the WebSocket's filters ({@code severity}, {@code policy},
 * {@code host}) and resume ({@code Last-Event-ID} header or {@code last_event_id} parameter).
 * Authenticated like every API call (a bearer token in the header, which is why browsers read it
 * with {@code fetch()} rather than {@code EventSource}); it ends when the token expires.
 */
@RestController
@Tag(
    name = "Streams",
    description = "Live alerts, security events and devices as Server-Sent Events")
class StreamController {

  private final StreamHub hub;
  private final StreamAuthenticator authenticator;
  private final Clock clock;

  StreamController(StreamHub hub, StreamAuthenticator authenticator, Clock clock) {
    this.hub = hub;
    this.authenticator = authenticator;
    this.clock = clock;
  }

  @GetMapping("/api/v1/stream")
  @PreAuthorize(Authz.VIEWER)
  @Operation(
      summary = "Stream the tenant's live updates as Server-Sent Events",
      description =
          "A text/event-stream: a `ready` event naming the topics, then one event per change, each"
              + " with an `id:` to resume from (Last-Event-ID). Message shapes: docs/streams.md."
              + " The WebSocket at /api/v1/ws carries the same messages.")
  @ApiResponse(
      responseCode = "200",
      description = "The stream; it ends when the token expires",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(type = "string", description = "Server-Sent Events")))
  SseEmitter openStream(
      Authentication authentication,
      @RequestHeader(name = TenantHeader.NAME, required = false) String tenant,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
      @RequestParam(defaultValue = "alerts") String topics,
      @RequestParam(required = false) String severity,
      @RequestParam(required = false) String policy,
      @RequestParam(required = false) String host,
      @RequestParam(name = "last_event_id", required = false) String lastEventId) {
    StreamCaller caller =
        authenticator.fromAuthentication(
            authentication, tenant == null || tenant.isBlank() ? null : tenant.trim());
    Map<StreamTopic, Subscription.Protocol> wanted = new EnumMap<>(StreamTopic.class);
    for (String name : topics.split(",")) {
      StreamTopic topic =
          StreamTopic.parse(name)
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "topics: unknown topic ["
                              + name.trim()
                              + "], known: "
                              + StreamTopic.names(),
                          Map.of("field", "topics", "allowed", StreamTopic.names())));
      wanted.put(topic, Subscription.Protocol.OPENFRAME);
    }
    StreamFilter filter;
    try {
      filter = StreamFilter.parse(severity, policy, host);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    Long since = cursor(lastEventIdHeader != null ? lastEventIdHeader : lastEventId);
    SseEmitter emitter = new SseEmitter(openFor(caller.expiresAt()).toMillis());
    StreamSubscriber subscriber =
        hub.open(caller.tenantId(), caller.expiresAt(), new SseSink(emitter));
    if (subscriber == null) {
      throw new ApiException(ErrorCode.RATE_LIMITED, "too many open streams, try again later");
    }
    emitter.onCompletion(subscriber::gone);
    emitter.onTimeout(() -> subscriber.close(StreamSubscriber.UNAUTHENTICATED, "token expired"));
    emitter.onError(e -> subscriber.gone());
    subscriber.subscribe(new Subscription(wanted, filter));
    subscriber.offer(
        new Outgoing.Control(
            "ready",
            Map.of("topics", wanted.keySet().stream().map(StreamTopic::wireName).toList())));
    hub.start(subscriber, since);
    return emitter;
  }

  /** A resume id: a log id as sent in {@code id:} lines. */
  static Long cursor(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(value.trim());
      if (id < 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "last_event_id: expected a non-negative integer, got [" + value.trim() + "]",
          Map.of("field", "last_event_id"));
    }
  }

  private Duration openFor(Instant expiresAt) {
    Duration left = Duration.between(clock.instant(), expiresAt);
    return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
  }
}
