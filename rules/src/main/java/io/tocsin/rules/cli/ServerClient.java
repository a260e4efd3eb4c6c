package io.tocsin.rules.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client of the Tocsin API for the remote commands. */
final class ServerClient {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** An API response: status and parsed body (null when the body is not JSON). */
  record Response(int status, JsonNode body, String raw) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The error contract's message and details, or the raw body. */
    String error() {
      if (body == null || !body.has("error")) {
        return "HTTP " + status + ": " + raw;
      }
      JsonNode e = body.path("error");
      StringBuilder sb =
          new StringBuilder(e.path("code").asString())
              .append(": ")
              .append(e.path("message").asString());
      JsonNode problems = e.path("details").path("problems");
      for (JsonNode p : problems) {
        sb.append("\n  ")
            .append(p.path("policy_id").asString(""))
            .append(' ')
            .append(p.path("field").asString(""))
            .append(": ")
            .append(p.path("message").asString(p.toString()));
      }
      if (problems.isEmpty() && e.has("details") && !e.path("details").isEmpty()) {
        sb.append("\n  ").append(e.path("details"));
      }
      return sb.toString();
    }
  }

  /** The server could not be reached, or answered with something that is not the API. */
  static final class Unreachable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ServerOptions options;
  private final HttpClient http;

  ServerClient(ServerOptions options) {
    this.options = options;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  Response post(String path, Map<String, String> query, Object body) throws Unreachable {
    String url = options.server.replaceAll("/+$", "") + path + queryString(query);
    HttpRequest.Builder request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .header("Authorization", "Bearer " + options.token)
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } catch (IllegalArgumentException e) {
      throw new Unreachable("invalid --server URL [" + options.server + "]: " + e.getMessage(), e);
    }
    if (options.tenant != null && !options.tenant.isBlank()) {
      request.header("X-Tenant-ID", options.tenant);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), parse(response.body()), response.body());
    } catch (IOException e) {
      throw new Unreachable("cannot reach " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static String queryString(Map<String, String> query) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.values().removeIf(v -> v == null);
    if (q.isEmpty()) {
      return "";
    }
    return "?"
        + q.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }
}
