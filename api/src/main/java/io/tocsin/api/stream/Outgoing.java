package io.tocsin.api.stream;

import java.util.Map;

/** What a connection sends, in order: log messages and the connection's own control messages. */
sealed interface Outgoing {

  /** A message of the log, rendered by the connection's protocol. */
  record Live(StreamMessage message) implements Outgoing {}

  /**
   * A control message ({@code subscribed}, {@code pong}, {@code resync}, {@code error}, ...).
   *
   * @param type the message type (the SSE event name)
   * @param body the whole message for a WebSocket, the data of an SSE event
   */
  record Control(String type, Map<String, Object> body) implements Outgoing {}
}
