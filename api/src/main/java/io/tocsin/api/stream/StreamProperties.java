package io.tocsin.api.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tocsin.stream.*}: the log's bounds, how often servers tail it, and per-connection limits.
 *
 * @param poll how often each server reads new log entries
 * @param gapGrace how long a missing id is waited for before it counts as abandoned (a writer that
 *     allocated it and died); later ones are held back meanwhile, so delivery stays in id order
 * @param retention how long entries stay in the log (and so how far back a resume reaches)
 * @param maxEntries at most this many entries stay in the log
 * @param buffer per-connection buffer, in messages; a client this far behind is cut off
 * @param maxSubscribers open streams per server; more are refused
 * @param heartbeat keepalive interval (SSE comment, WebSocket ping)
 * @param authTimeout how long a WebSocket may stay unauthenticated
 * @param sendTimeout how long one WebSocket write may block on a client that does not read
 * @param securityEventsPerSecond per tenant and server, security event summaries beyond this are
 *     not streamed (counted in {@code tocsin.stream.security_events.dropped})
 */
@ConfigurationProperties("tocsin.stream")
record StreamProperties(
    @DefaultValue("200ms") Duration poll,
    @DefaultValue("5s") Duration gapGrace,
    @DefaultValue("1h") Duration retention,
    @DefaultValue("100000") long maxEntries,
    @DefaultValue("256") int buffer,
    @DefaultValue("500") int maxSubscribers,
    @DefaultValue("20s") Duration heartbeat,
    @DefaultValue("5s") Duration authTimeout,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("200") int securityEventsPerSecond) {}
