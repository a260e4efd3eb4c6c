package io.tocsin.api.stream;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorWriter;
import io.tocsin.api.security.TenantHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The upgrade request went through the filter chain: a valid {@code Authorization: Bearer} token is
 * an authentication here (an invalid one was answered 401 already). The socket then starts
 * authenticated; without a token it must authenticate by its first message. An agent key or a
 * tenant the user may not act in refuses the upgrade (403/404), and a plain GET that asks for no
 * upgrade is a 400: all in the API's error contract.
 */
final class BearerHandshake implements HandshakeInterceptor {

  private final StreamAuthenticator authenticator;
  private final ErrorWriter errors;

  BearerHandshake(StreamAuthenticator authenticator, ErrorWriter errors) {
    this.authenticator = authenticator;
    this.errors = errors;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
    if (!"websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())) {
      return refuse(
          request,
          response,
          ApiException.badRequest(
              "expected a WebSocket upgrade (Upgrade: websocket); for Server-Sent Events use"
                  + " GET /api/v1/stream"));
    }
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
      return true;
    }
    String tenant = request.getHeaders().getFirst(TenantHeader.NAME);
    try {
      attributes.put(
          StreamSocketHandler.CALLER,
          authenticator.fromAuthentication(
              auth, tenant == null || tenant.isBlank() ? null : tenant.trim()));
      return true;
    } catch (ApiException e) {
      return refuse(request, response, e);
    }
  }

  private boolean refuse(ServerHttpRequest request, ServerHttpResponse response, ApiException e) {
    if (request instanceof ServletServerHttpRequest in
        && response instanceof ServletServerHttpResponse out) {
      try {
        errors.write(
            in.getServletRequest(), out.getServletResponse(), e.code(), e.getMessage(), Map.of());
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      }
    } else {
      response.setStatusCode(e.code().status());
    }
    return false;
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Exception exception) {}
}
