package io.tocsin.agent.deliver;

import io.tocsin.agent.deliver.EventTransport.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * One delivery attempt of a batch, refining rejections so only refused events are dropped: a 2xx
 * whose body lists {@code rejected} items by index drops just those; a 400 that names rejected
 * items ({@code error.details.rejected}) drops those and resends the rest; any other refusal
 * (400/413/422 without per-event detail) splits the batch in halves until each refused event is
 * alone. What could not be delivered because the server is unreachable or refuses the key comes
 * back as the remainder, to be retried or spooled by the caller.
 */
final class BatchDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(BatchDelivery.class);

  /**
   * The end of one attempt.
   *
   * @param remainder the part still to deliver (gzipped array) when {@code last} is RETRY or AUTH
   * @param delivered events the server accepted
   * @param rejected events the server refused for good (dropped)
   */
  record Result(Outcome last, byte[] remainder, int remainderCount, int delivered, int rejected) {
    boolean done() {
      return remainder == null;
    }
  }

  private final EventTransport transport;

  BatchDelivery(EventTransport transport) {
    this.transport = transport;
  }

  Result deliver(byte[] body, int count) throws InterruptedException {
    Outcome outcome = transport.send(body, count);
    return switch (outcome.kind()) {
      case OK -> {
        int refused = Math.min(count, rejectedIndexes(outcome.body(), false).size());
        if (refused > 0) {
          logRejected(refused, outcome);
        }
        yield new Result(outcome, null, 0, count - refused, refused);
      }
      case RETRY, AUTH -> new Result(outcome, body, count, 0, 0);
      case REJECT -> refine(body, count, outcome);
    };
  }

  private Result refine(byte[] body, int count, Outcome outcome) throws InterruptedException {
    Set<Integer> refused = rejectedIndexes(outcome.body(), true);
    ArrayNode events = count > 1 || !refused.isEmpty() ? decode(body) : null;
    if (!refused.isEmpty() && events != null) {
      ArrayNode kept = events.arrayNode();
      for (int i = 0; i < events.size(); i++) {
        if (!refused.contains(i)) {
          kept.add(events.get(i));
        }
      }
      int dropped = events.size() - kept.size();
      logRejected(dropped, outcome);
      if (kept.isEmpty()) {
        return new Result(outcome, null, 0, 0, dropped);
      }
      Result rest = deliver(encode(kept), kept.size());
      return new Result(
          rest.last(),
          rest.remainder(),
          rest.remainderCount(),
          rest.delivered(),
          rest.rejected() + dropped);
    }
    if (events == null || events.size() <= 1) {
      logRejected(count, outcome);
      return new Result(outcome, null, 0, 0, count);
    }
    // refused as a whole without saying which: halve until the refused events are alone
    int half = events.size() / 2;
    ArrayNode first = slice(events, 0, half);
    ArrayNode second = slice(events, half, events.size());
    Result a = deliver(encode(first), first.size());
    if (!a.done()) {
      ArrayNode rest = decode(a.remainder());
      second.forEach(rest::add);
      return new Result(a.last(), encode(rest), rest.size(), a.delivered(), a.rejected());
    }
    Result b = deliver(encode(second), second.size());
    return new Result(
        b.last(),
        b.remainder(),
        b.remainderCount(),
        a.delivered() + b.delivered(),
        a.rejected() + b.rejected());
  }

  /** Indexes in {@code rejected} (2xx) or {@code error.details.rejected} (400). */
  private static Set<Integer> rejectedIndexes(String body, boolean error) {
    Set<Integer> out = new HashSet<>();
    if (body == null || body.isBlank()) {
      return out;
    }
    try {
      JsonNode root = EventCodec.JSON.readTree(body);
      JsonNode list =
          error ? root.path("error").path("details").path("rejected") : root.path("rejected");
      for (JsonNode r : list) {
        if (r.path("index").isIntegralNumber()) {
          out.add(r.path("index").asInt());
        }
      }
    } catch (JacksonException e) {
      // not JSON: no per-event detail
    }
    return out;
  }

  private static void logRejected(int count, Outcome outcome) {
    LOG.error(
        "server rejected {} events, dropped: HTTP {} {}",
        count,
        outcome.status(),
        outcome.detail());
  }

  private static ArrayNode slice(ArrayNode all, int from, int to) {
    ArrayNode out = all.arrayNode();
    for (int i = from; i < to; i++) {
      out.add(all.get(i));
    }
    return out;
  }

  static ArrayNode decode(byte[] gzipped) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return (ArrayNode) EventCodec.JSON.readTree(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] encode(ArrayNode events) {
    return EventCodec.gzip(EventCodec.JSON.writeValueAsBytes(events));
  }
}
