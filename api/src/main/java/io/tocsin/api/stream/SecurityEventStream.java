package io.tocsin.api.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tocsin.api.event.EventsStored;
import io.tocsin.model.Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes stored events to the {@code security_events} topic as small summaries (never the
 * payload), at most {@code tocsin.stream.security-events-per-second} per tenant on each server: an
 * ingest burst must not turn into a burst of log writes. Events over the limit are not streamed
 * (they are stored and evaluated as usual) and are counted in {@code
 * tocsin.stream.security_events.dropped}.
 */
@Component
public class SecurityEventStream {

  private static final List<String> SUMMARY_FIELDS =
      List.of(
          "id",
          "ts",
          "host_id",
          "host.name",
          "event.type",
          "event.action",
          "severity",
          "user.name",
          "process.name",
          "process.pid",
          "file.path",
          "network.source.ip",
          "network.destination.ip",
          "network.destination.port",
          "network.protocol",
          "payload.event_type",
          "labels");

  private final StreamPublisher publisher;
  private final int perSecond;
  private final Clock clock;
  private final Counter dropped;
  private final Map<String, long[]> windows = new ConcurrentHashMap<>();

  SecurityEventStream(
      StreamPublisher publisher, StreamProperties properties, Clock clock, MeterRegistry meters) {
    this.publisher = publisher;
    this.perSecond = properties.securityEventsPerSecond();
    this.clock = clock;
    this.dropped = meters.counter("tocsin.stream.security_events.dropped");
  }

  /** Streams what ingest stored (not duplicates). */
  @EventListener
  void onEventsStored(EventsStored stored) {
    String tenantId = stored.tenantId();
    List<Event> events = stored.events();
    int admitted = admit(tenantId, events.size());
    if (admitted < events.size()) {
      dropped.increment(events.size() - admitted);
    }
    List<StreamPublisher.Message> messages = new ArrayList<>(admitted);
    for (Event e : events.subList(0, admitted)) {
      messages.add(
          new StreamPublisher.Message(
              tenantId, StreamTopic.SECURITY_EVENTS, "security_event", summary(e)));
    }
    publisher.publishAll(messages);
  }

  /** A fixed one-second window per tenant: how many of {@code n} fit. */
  private int admit(String tenantId, int n) {
    long second = clock.millis() / 1000;
    long[] window = windows.computeIfAbsent(tenantId, t -> new long[2]);
    synchronized (window) {
      if (window[0] != second) {
        window[0] = second;
        window[1] = 0;
      }
      int fit = (int) Math.max(0, Math.min(n, perSecond - window[1]));
      window[1] += fit;
      return fit;
    }
  }

  /** The summary fields, nested as events are everywhere else ({@code process.name}). */
  private static Map<String, Object> summary(Event e) {
    Map<String, Object> flat = new LinkedHashMap<>();
    for (String field : SUMMARY_FIELDS) {
      flat.put(field, e.get(field));
    }
    return Event.of(flat).toNested();
  }
}
