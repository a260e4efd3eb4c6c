package io.tocsin.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusServerTest {

  @Test
  void servesTheStateAsJsonOnLoopback() throws Exception {
    try (StatusServer server = new StatusServer(0, () -> Map.of("stats", Map.of("sent", 7)))) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/status"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{\"stats\":{\"sent\":7}}");
    }
  }
}
