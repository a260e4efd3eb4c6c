/**
 * Live streams: one cluster-wide stream log and its local fan-out.
 *
 * <p>Every message another feature publishes ({@link io.tocsin.api.stream.StreamPublisher}: alert
 * changes from any server or Kafka engine worker, security event summaries, device changes, case
 * updates) is appended to the {@code stream_log} collection with a tenant, a topic and a
 * cluster-wide monotonic id. Every server tails that log ({@link
 * io.tocsin.api.stream.StreamTailer}) and hands each message, in id order, to its own open
 * connections ({@link io.tocsin.api.stream.StreamHub}): Server-Sent Events at {@code GET
 * /api/v1/stream} and plain WebSockets at {@code /ws} and {@code /api/v1/ws} (CyberPulse channels
 * and OpenFrame topics on the same socket). The id is the resume cursor: a client that reconnects
 * with the last id it saw gets everything after it from the log, then live messages, without gap or
 * duplicate. Features below the stream never call it: it listens to their Spring application events
 * ({@code EventsStored}, {@code DeviceChanged}, {@code CaseChanged}) and alert listeners. See
 * docs/streams.md.
 */
package io.tocsin.api.stream;
