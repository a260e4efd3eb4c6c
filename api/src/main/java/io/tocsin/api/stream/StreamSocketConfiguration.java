package io.tocsin.api.stream;

import io.tocsin.api.error.ErrorWriter;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Plain WebSocket (no STOMP) at {@link #PATHS}. Any origin may connect: a socket carries no
 * cookie-based credentials, only the token it presents.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class StreamSocketConfiguration implements WebSocketConfigurer {

  /** Where the socket listens; the filter chain lets the upgrade through unauthenticated. */
  static final String[] PATHS = {"/ws", "/api/v1/ws"};

  private final StreamSocketHandler handler;
  private final StreamAuthenticator authenticator;
  private final ErrorWriter errors;

  StreamSocketConfiguration(
      StreamSocketHandler handler, StreamAuthenticator authenticator, ErrorWriter errors) {
    this.handler = handler;
    this.authenticator = authenticator;
    this.errors = errors;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(handler, PATHS)
        .addInterceptors(new BearerHandshake(authenticator, errors))
        .setAllowedOriginPatterns("*");
  }
}
