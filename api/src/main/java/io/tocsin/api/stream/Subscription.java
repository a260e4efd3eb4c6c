package io.tocsin.api.stream;

import java.util.Map;

/**
 * What one connection wants: its topics, each with the protocol it was asked for in, and a filter.
 * Immutable; a later subscribe message replaces it with a merged copy.
 */
record Subscription(Map<StreamTopic, Protocol> topics, StreamFilter filter) {

  static final Subscription NOTHING = new Subscription(Map.of(), StreamFilter.NONE);

  /** How a WebSocket message names its topic. */
  enum Protocol {
    /** {@code {"channel":"security_alerts","data":...}} */
    CYBERPULSE,
    /** {@code {"type":"alert","data":...}} */
    OPENFRAME
  }

  Subscription {
    topics = Map.copyOf(topics);
  }

  boolean wants(StreamMessage m) {
    return topics.containsKey(m.topic()) && filter.matches(m);
  }

  Subscription plus(Map<StreamTopic, Protocol> more, StreamFilter newFilter) {
    java.util.Map<StreamTopic, Protocol> merged = new java.util.EnumMap<>(StreamTopic.class);
    merged.putAll(topics);
    merged.putAll(more);
    return new Subscription(merged, newFilter);
  }

  Subscription minus(java.util.Collection<StreamTopic> gone) {
    java.util.Map<StreamTopic, Protocol> left = new java.util.EnumMap<>(StreamTopic.class);
    left.putAll(topics);
    gone.forEach(left::remove);
    return new Subscription(left, filter);
  }
}
