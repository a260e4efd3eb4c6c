package io.tocsin.agent.deliver;

import io.tocsin.agent.collect.EventSink;
import io.tocsin.model.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded hand-off between collectors and the shipper. {@link #offer} never blocks: when full,
 * the event is dropped and counted, so a dead server can never stall the host.
 */
public final class EventQueue implements EventSink {

  private final BlockingQueue<Event> queue;
  private final AgentStats stats;

  public EventQueue(int capacity, AgentStats stats) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.stats = stats;
  }

  @Override
  public boolean offer(Event event) {
    if (queue.offer(event)) {
      stats.collected.incrementAndGet();
      return true;
    }
    stats.droppedQueueFull.incrementAndGet();
    return false;
  }

  /** Waits up to {@code timeout} for one event; null when none came. */
  Event poll(Duration timeout) throws InterruptedException {
    return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Moves up to {@code max} immediately available events into {@code into}. */
  int drainTo(List<Event> into, int max) {
    return queue.drainTo(into, max);
  }

  public int size() {
    return queue.size();
  }
}
