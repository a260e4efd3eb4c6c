package io.tocsin.agent.deliver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The agent's HTTP client for the Tocsin server: every call carries {@code X-API-Key} and the
 * request timeout. Transport errors surface as {@link IOException}.
 */
public final class ServerClient implements EventTransport {

  /** A response's status and body text. */
  public record Response(int status, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final URI server;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;

  public ServerClient(URI server, String apiKey, Duration timeout) {
    this.server = server;
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public URI server() {
    return server;
  }

  @Override
  public Outcome send(byte[] gzippedJson, int count) throws InterruptedException {
    HttpRequest request =
        base("api/v1/events")
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(gzippedJson))
            .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return Outcome.of(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Outcome(Outcome.Kind.RETRY, -1, e.toString());
    }
  }

  /** POSTs a JSON document to {@code relative} (under the server root). */
  public Response postJson(String relative, Object body) throws IOException, InterruptedException {
    byte[] json = EventCodec.JSON.writeValueAsBytes(body);
    HttpRequest request =
        base(relative)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json))
            .build();
    return call(request);
  }

  public Response get(String relative) throws IOException, InterruptedException {
    return call(base(relative).GET().build());
  }

  private Response call(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body());
  }

  private HttpRequest.Builder base(String relative) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server + "/" + relative))
            .timeout(timeout)
            .header(
                "User-Agent", "tocsin-agent/" + io.tocsin.agent.collect.EventFactory.AGENT_VERSION)
            .header("Accept", "application/json");
    if (apiKey != null && !apiKey.isEmpty()) {
      b.header("X-API-Key", apiKey);
    }
    return b;
  }
}
