package io.tocsin.api.stream;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open connection of one tenant: a bounded buffer in front of a {@link StreamSink}. {@link
 * #offer} never blocks; sender threads drain the buffer, one drain at a time so messages keep their
 * order. A client that falls a whole buffer behind is cut off with close code {@value
 * #SLOW_CONSUMER} ("slow consumer: N messages behind") rather than buffered without bound; it
 * reconnects with the last id it saw and replays the rest from the log.
 */
final class StreamSubscriber {

  static final int SLOW_CONSUMER = 4008;
  static final int UNAUTHENTICATED = 4401;

  private static final Logger log = LoggerFactory.getLogger(StreamSubscriber.class);

  private final String tenantId;
  private final Instant expiresAt;
  private final StreamSink sink;
  private final BlockingQueue<Outgoing> buffer;
  private final Executor senders;
  private final Consumer<StreamSubscriber> onClose;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Subscription subscription = Subscription.NOTHING;

  /** Last log id queued (tailer thread only): where a catch-up replay continues. */
  long cursor;

  /** The id the client asked to resume after; null for "from now". */
  Long since;

  StreamSubscriber(
      String tenantId,
      Instant expiresAt,
      StreamSink sink,
      int bufferSize,
      Executor senders,
      Consumer<StreamSubscriber> onClose) {
    this.tenantId = tenantId;
    this.expiresAt = expiresAt;
    this.sink = sink;
    this.buffer = new ArrayBlockingQueue<>(bufferSize);
    this.senders = senders;
    this.onClose = onClose;
  }

  String tenantId() {
    return tenantId;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Subscription subscription() {
    return subscription;
  }

  void subscribe(Subscription next) {
    this.subscription = next;
  }

  boolean wants(StreamMessage m) {
    return tenantId.equals(m.tenantId()) && subscription.wants(m);
  }

  int buffered() {
    return buffer.size();
  }

  int room() {
    return buffer.remainingCapacity();
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Queues a message; a full buffer cuts the connection off. */
  void offer(Outgoing message) {
    if (closed.get()) {
      return;
    }
    if (!buffer.offer(message)) {
      close(SLOW_CONSUMER, "slow consumer: " + (buffer.size() + 1) + " messages behind");
      return;
    }
    if (draining.compareAndSet(false, true)) {
      senders.execute(this::drain);
    }
  }

  void heartbeat() {
    if (!closed.get() && buffer.isEmpty()) {
      senders.execute(() -> send(sink::heartbeat));
    }
  }

  /** Ends the connection (on a sender thread: the socket may be blocked by a slow client). */
  void close(int code, String reason) {
    if (closed.compareAndSet(false, true)) {
      buffer.clear();
      onClose.accept(this);
      senders.execute(() -> sink.close(code, reason));
    }
  }

  /** The transport is gone already (client left, write failed). */
  void gone() {
    if (closed.compareAndSet(false, true)) {
      buffer.clear();
      onClose.accept(this);
    }
  }

  private void drain() {
    try {
      Outgoing m;
      while (!closed.get() && (m = buffer.poll()) != null) {
        Outgoing message = m;
        send(() -> sink.send(message, subscription));
      }
    } finally {
      draining.set(false);
      if (!buffer.isEmpty() && !closed.get() && draining.compareAndSet(false, true)) {
        senders.execute(this::drain);
      }
    }
  }

  private interface Write {
    void run() throws IOException;
  }

  private synchronized void send(Write write) {
    if (closed.get()) {
      return;
    }
    try {
      write.run();
    } catch (IOException | RuntimeException e) {
      log.debug("stream of tenant {} closed: {}", tenantId, e.toString());
      if (timedOut(e)) {
        // the client read nothing for the whole send timeout: as slow as a consumer gets
        close(SLOW_CONSUMER, "slow consumer: not reading");
      } else {
        close(1011, "write failed"); // ends the transport too, so no half-open socket lingers
      }
    }
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.SocketTimeoutException
          || t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
