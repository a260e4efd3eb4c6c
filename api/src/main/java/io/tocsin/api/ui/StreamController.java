package io.tocsin.api.ui;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/stream?topics=alerts}: Server-Sent Events of the caller's tenant.
 * Authenticated like every API call (a bearer token in the {@code Authorization} header, which is
 * why browsers read it with {@code fetch()} rather than {@code EventSource}); the stream ends when
 * the token expires, and the client reconnects with a fresh one.
 */
@RestController
class StreamController {

  static final String TOPIC_ALERTS = "alerts";
  private static final Set<String> TOPICS = Set.of(TOPIC_ALERTS);
  private static final Duration MAX_OPEN = Duration.ofHours(1);

  private final StreamHub hub;
  private final Clock clock;

  StreamController(StreamHub hub, Clock clock) {
    this.hub = hub;
    this.clock = clock;
  }

  @GetMapping("/api/v1/stream")
  @PreAuthorize(Authz.VIEWER)
  SseEmitter stream(
      CurrentPrincipal principal,
      Authentication authentication,
      @RequestParam(defaultValue = TOPIC_ALERTS) String topics) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String topic : Arrays.stream(topics.split(",")).map(String::trim).toList()) {
      if (!TOPICS.contains(topic)) {
        throw ApiException.badRequest(
            "topics: unknown topic [" + topic + "], known: " + TOPICS,
            Map.of("field", "topics", "allowed", TOPICS));
      }
      wanted.add(topic);
    }
    StreamSubscriber subscriber =
        hub.subscribe(principal.tenantId(), wanted, openFor(authentication));
    if (subscriber == null) {
      throw new ApiException(ErrorCode.RATE_LIMITED, "too many open streams, try again later");
    }
    return subscriber.emitter();
  }

  /**
   * Until the token expires (at most an hour): a revoked or expired token does not keep a stream.
   */
  private Duration openFor(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken jwt
        && jwt.getToken().getExpiresAt() != null) {
      Duration left = Duration.between(Instant.now(clock), jwt.getToken().getExpiresAt());
      if (left.compareTo(MAX_OPEN) < 0) {
        return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
      }
    }
    return MAX_OPEN;
  }
}
