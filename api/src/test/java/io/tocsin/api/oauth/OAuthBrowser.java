package io.tocsin.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's browser in the authorization-code flow, over real HTTP: keeps cookies, follows no
 * redirects by itself (each hop is asserted), fills in the login form with its CSRF token.
 */
final class OAuthBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  OAuthBrowser(String base) {
    this.base = base;
  }

  /** A PKCE pair: a random verifier and its S256 challenge. */
  record Pkce(String verifier, String challenge) {
    static Pkce random() {
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Opens the authorization URL, is sent to the login form, signs in and follows the redirects
   * back; returns the final redirect (to the client's redirect URI).
   */
  URI authorize(String authorizeUrl, String username, String password) {
    return authorize(authorizeUrl, Map.of("username", username, "password", password));
  }

  /** As {@link #authorize(String, String, String)}, with any fields of the login form. */
  URI authorize(String authorizeUrl, Map<String, String> fields) {
    HttpResponse<String> first = get(authorizeUrl);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
    String loginUrl = location(first);
    assertThat(loginUrl).endsWith("/oauth/login");
    HttpResponse<String> page = get(loginUrl);
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).as(page.body()).isTrue();
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", csrf.group(1));
    HttpResponse<String> signedIn = postForm(loginUrl, form);
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String next = location(signedIn);
    assertThat(next).as("back to the authorization request").contains("/oauth/authorize");
    HttpResponse<String> back = get(next);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    return URI.create(location(back));
  }

  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(absolute(url))).GET().build());
  }

  HttpResponse<String> postForm(String url, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(URI.create(absolute(url)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)))
            .build());
  }

  static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The query parameters of a URI. */
  static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private String absolute(String url) {
    return url.startsWith("http") ? url : base + url;
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
