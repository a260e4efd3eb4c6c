package io.tocsin.api.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way features put something on the live streams: appends to the cluster-wide log, which
 * every server tails. {@code data} is what clients receive (its {@code severity}, {@code policy_id}
 * and {@code host_id} also drive the subscription filters). Publishing never fails the caller: a
 * log write that fails is logged and counted ({@code tocsin.stream.publish.failed}), the feature's
 * own write stands.
 */
@Component
public class StreamPublisher {

  private static final Logger log = LoggerFactory.getLogger(StreamPublisher.class);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** One message to publish. */
  public record Message(String tenantId, StreamTopic topic, String type, Map<String, ?> data) {}

  private final StreamLog streamLog;
  private final StreamProperties properties;
  private final JsonMapper json;
  private final Clock clock;
  private final Counter failed;

  StreamPublisher(
      StreamLog streamLog,
      StreamProperties properties,
      JsonMapper json,
      Clock clock,
      MeterRegistry meters) {
    this.streamLog = streamLog;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
    this.failed = meters.counter("tocsin.stream.publish.failed");
  }

  /** Publishes {@code data} on {@code topic} of {@code tenantId}, as event {@code type}. */
  public void publish(String tenantId, StreamTopic topic, String type, Map<String, ?> data) {
    publishAll(List.of(new Message(tenantId, topic, type, data)));
  }

  /** Like {@link #publish}, the type being the topic's message type ({@code project_update}). */
  public void publish(String tenantId, StreamTopic topic, Map<String, ?> data) {
    publish(tenantId, topic, topic.messageType(), data);
  }

  /** Several messages under consecutive ids, in one write. */
  public void publishAll(List<Message> messages) {
    if (messages.isEmpty()) {
      return;
    }
    try {
      List<StreamLog.Entry> entries = new ArrayList<>(messages.size());
      for (Message m : messages) {
        // plain JSON values (ISO strings for times), as clients will see them
        Map<String, Object> data = json.convertValue(m.data(), MAP);
        entries.add(
            new StreamLog.Entry(
                m.tenantId(),
                m.topic(),
                m.type(),
                text(data.get("severity")),
                text(data.get("policy_id")),
                text(data.get("host_id")),
                data));
      }
      // Allocate right before the write: the time between the two is what readers wait for.
      long first = streamLog.allocate(entries.size());
      Instant now = clock.instant();
      streamLog.write(first, entries, now, now.plus(properties.retention()));
    } catch (RuntimeException e) {
      failed.increment(messages.size());
      log.warn("stream publish of {} messages failed: {}", messages.size(), e.toString());
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
