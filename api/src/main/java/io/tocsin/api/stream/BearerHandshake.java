package io.tocsin.api.stream;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.TenantHeader;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * The upgrade request went through the filter chain: a valid {@code Authorization: Bearer} token is
 * an authentication here (an invalid one was answered 401 already). The socket then starts
 * authenticated; without a token it must authenticate by its first message. An agent key or a
 * tenant the user may not act in refuses the upgrade (403/404).
 */
final class BearerHandshake implements HandshakeInterceptor {

  private final StreamAuthenticator authenticator;

  BearerHandshake(StreamAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes) {
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
      response.setStatusCode(HttpStatus.valueOf(e.code().status().value()));
      return false;
    }
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Exception exception) {}
}
