package io.tocsin.api.stream;

import java.io.IOException;

/** The transport under a {@link StreamSubscriber}: an SSE response or a WebSocket session. */
interface StreamSink {

  /** Writes one message; may block while the client is slow. */
  void send(Outgoing message, Subscription subscription) throws IOException;

  /** Keeps proxies from closing an idle connection; finds dead ones. */
  void heartbeat() throws IOException;

  /**
   * Ends the connection, telling the client why.
   *
   * @param code WebSocket close code ({@code 4008} slow consumer, {@code 4401} authentication)
   */
  void close(int code, String reason);
}
