package io.tocsin.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for end-to-end tests: JSON in, {@link Response} out. */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ApiClient(String base) {
    this.base = base;
  }

  /** A copy of this client that sends {@code name: value} on every request. */
  public ApiClient with(String name, String value) {
    ApiClient copy = new ApiClient(base);
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
    return copy;
  }

  public ApiClient bearer(String token) {
    return with("Authorization", "Bearer " + token);
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Response post(String path, Object body) {
    return send(
        "POST", path, body == null ? null : JSON.writeValueAsString(body), "application/json");
  }

  public Response put(String path, Object body) {
    return send("PUT", path, JSON.writeValueAsString(body), "application/json");
  }

  /** Sends a raw body with the given content type. */
  public Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    headers.forEach(request::header);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response, parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a binary body (a zip upload) with the given content type. */
  public Response sendBytes(String method, String path, byte[] body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    headers.forEach(request::header);
    request.header("Content-Type", contentType);
    request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response, parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException e) {
      return JSON.getNodeFactory().stringNode(body);
    }
  }

  /**
   * A response.
   *
   * @param status HTTP status
   * @param raw the raw response, for headers
   * @param body parsed JSON body (a text node when not JSON)
   */
  public record Response(int status, HttpResponse<String> raw, JsonNode body) {

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String text(String field) {
      return body.path(field).asString();
    }

    public String errorCode() {
      return body.path("error").path("code").asString();
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }
}
