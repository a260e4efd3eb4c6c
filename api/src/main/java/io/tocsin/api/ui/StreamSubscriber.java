package io.tocsin.api.ui;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: an {@link SseEmitter} with a bounded buffer. {@link #offer} never blocks; the
 * buffer is drained on the hub's sender threads, one drain at a time per subscriber so messages
 * keep their order.
 */
final class StreamSubscriber {

  private static final Logger log = LoggerFactory.getLogger(StreamSubscriber.class);

  /** A message: the SSE event name and its JSON data. */
  record Message(String event, Object data) {}

  private final String tenantId;
  private final Set<String> topics;
  private final SseEmitter emitter;
  private final BlockingQueue<Message> buffer;
  private final Executor senders;
  private final Consumer<StreamSubscriber> onClose;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean overflowed = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  StreamSubscriber(
      String tenantId,
      Set<String> topics,
      Duration timeout,
      int bufferSize,
      Executor senders,
      Consumer<StreamSubscriber> onClose) {
    this.tenantId = tenantId;
    this.topics = Set.copyOf(topics);
    this.emitter = new SseEmitter(timeout.toMillis());
    this.buffer = new ArrayBlockingQueue<>(bufferSize);
    this.senders = senders;
    this.onClose = onClose;
    emitter.onCompletion(this::forget);
    emitter.onTimeout(this::close);
    emitter.onError(e -> forget());
  }

  SseEmitter emitter() {
    return emitter;
  }

  String tenantId() {
    return tenantId;
  }

  boolean wants(String topic) {
    return topics.contains(topic);
  }

  /** Queues a message; when the buffer is full the oldest goes and a resync is owed. */
  void offer(Message message) {
    if (closed.get()) {
      return;
    }
    while (!buffer.offer(message)) {
      buffer.poll();
      overflowed.set(true);
    }
    schedule();
  }

  /** A comment line: keeps proxies from closing an idle stream and finds dead sockets. */
  void ping() {
    if (!closed.get()) {
      senders.execute(() -> send(() -> emitter.send(SseEmitter.event().comment("keepalive"))));
    }
  }

  int buffered() {
    return buffer.size();
  }

  boolean overflowed() {
    return overflowed.get();
  }

  void close() {
    if (closed.compareAndSet(false, true)) {
      buffer.clear();
      onClose.accept(this);
      emitter.complete();
    }
  }

  private void schedule() {
    if (draining.compareAndSet(false, true)) {
      senders.execute(this::drain);
    }
  }

  private void drain() {
    try {
      if (overflowed.getAndSet(false)) {
        send(
            () ->
                emitter.send(
                    SseEmitter.event()
                        .name("resync")
                        .data(
                            java.util.Map.of("reason", "buffer full"),
                            MediaType.APPLICATION_JSON)));
      }
      Message m;
      while (!closed.get() && (m = buffer.poll()) != null) {
        Message message = m;
        send(
            () ->
                emitter.send(
                    SseEmitter.event()
                        .name(message.event())
                        .data(message.data(), MediaType.APPLICATION_JSON)));
      }
    } finally {
      draining.set(false);
      if (!buffer.isEmpty() && !closed.get()) {
        schedule();
      }
    }
  }

  private interface Send {
    void run() throws IOException;
  }

  private synchronized void send(Send send) {
    if (closed.get()) {
      return;
    }
    try {
      send.run();
    } catch (IOException | IllegalStateException e) {
      log.debug("stream of tenant {} closed: {}", tenantId, e.toString());
      forget();
    }
  }

  private void forget() {
    if (closed.compareAndSet(false, true)) {
      buffer.clear();
      onClose.accept(this);
    }
  }
}
