package io.tocsin.api.oauth;

import io.tocsin.api.error.ApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

/**
 * Which redirect URIs a client may register: absolute {@code https} URIs, or plain {@code http} on
 * a loopback address for native and command-line clients (RFC 8252 §7.3). {@code localhost} is
 * refused because the authorization server refuses it in requests (OAuth 2.1 §8.4.2: the name may
 * resolve elsewhere); {@code 127.0.0.1} or {@code [::1]} do the same job. No fragments.
 */
final class RedirectUris {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]");

  private RedirectUris() {}

  static void check(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(value, "is not a valid URI");
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw invalid(value, "must be an absolute URI with a host");
    }
    if (uri.getFragment() != null) {
      throw invalid(value, "must not have a fragment");
    }
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if ("localhost".equalsIgnoreCase(uri.getHost())) {
      throw invalid(value, "must name a loopback address (127.0.0.1 or [::1]), not localhost");
    }
    if (!"https".equals(scheme) && !("http".equals(scheme) && LOOPBACK.contains(uri.getHost()))) {
      throw invalid(value, "must use https (plain http only on 127.0.0.1 or [::1])");
    }
  }

  private static ApiException invalid(String value, String problem) {
    return ApiException.badRequest(
        "redirect URI [" + value + "] " + problem, Map.of("field", "redirect_uris"));
  }
}
