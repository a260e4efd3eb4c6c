package io.tocsin.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/stream}: authenticated, tenant-scoped Server-Sent Events of alert changes. */
class StreamApiTest extends ApiTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void streamWhenNoTokenThen401() {
    ApiClient.Response r = anonymous().get("/api/v1/stream?topics=alerts");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo("AUTHENTICATION_ERROR");
  }

  @Test
  void streamWhenUnknownTopicThen400NamingIt() {
    ApiClient.Response r = admin().get("/api/v1/stream?topics=alerts,secrets");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("error").path("message").asString()).contains("[secrets]");
  }

  @Test
  void streamWhenAgentKeyThen403() {
    ApiClient agent = TestTenants.agent(admin(), anonymous());
    assertThat(agent.get("/api/v1/stream?topics=alerts").status()).isEqualTo(403);
  }

  @Test
  void streamSendsOwnTenantsAlertChangesAndNeverAnotherTenants() throws Exception {
    TestTenants.Tenant other = TestTenants.tenant(admin(), 30);
    Subscription inOther = subscribe(login("admin", ADMIN_PASSWORD), other.id());
    try {
      inOther.await("event:ready");
      String mine = createAlert(admin(), "default tenant alert");
      String theirs = createAlert(other.admin(), "other tenant alert");
      List<String> seen = inOther.await(theirs);
      assertThat(String.join("\n", seen)).doesNotContain(mine).contains("event:alert.created");
      other.admin().put("/api/v1/alerts/" + theirs, Map.of("status", "acknowledged"));
      assertThat(String.join("\n", inOther.await("\"status\":\"acknowledged\"")))
          .contains("event:alert.updated");
    } finally {
      inOther.close();
    }
  }

  @Test
  void lastEventIdResumesAfterItWithoutGapOrDuplicate() throws Exception {
    Subscription first = subscribe(login("admin", ADMIN_PASSWORD), null, "");
    String seenId;
    String a;
    try {
      first.await("event:ready");
      a = createAlert(admin(), "before the disconnect");
      List<String> lines = first.await(a);
      seenId = lastId(lines);
    } finally {
      first.close();
    }
    String b = createAlert(admin(), "while disconnected");
    Subscription again =
        subscribe(login("admin", ADMIN_PASSWORD), null, "", Map.of("Last-Event-ID", seenId));
    try {
      List<String> replayed = again.await(b);
      assertThat(String.join("\n", replayed)).doesNotContain(a);
      String c = createAlert(admin(), "live after the replay");
      assertThat(String.join("\n", again.await(c))).doesNotContain(a).doesNotContain(b);
    } finally {
      again.close();
    }
  }

  @Test
  void severityFilterKeepsOnlyHighAndAbove() throws Exception {
    Subscription s = subscribe(login("admin", ADMIN_PASSWORD), null, "&severity=high");
    try {
      s.await("event:ready");
      String low = createAlert(admin(), "low one");
      ApiClient.Response critical =
          admin().post("/api/v1/alerts", Map.of("title", "critical one", "severity", "critical"));
      List<String> seen = s.await(critical.text("id"));
      assertThat(String.join("\n", seen)).doesNotContain(low);
    } finally {
      s.close();
    }
  }

  @Test
  void streamWhenBadResumeIdOrSeverityThen400() {
    ApiClient.Response badId = admin().get("/api/v1/stream?topics=alerts&last_event_id=abc");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.body().path("error").path("message").asString()).contains("[abc]");
    ApiClient.Response badSeverity = admin().get("/api/v1/stream?severity=urgent");
    assertThat(badSeverity.status()).isEqualTo(400);
    assertThat(badSeverity.body().path("error").path("message").asString()).contains("[urgent]");
  }

  @Test
  void cyberPulseChannelNamesAreTopicsToo() throws Exception {
    Subscription s =
        subscribe(login("admin", ADMIN_PASSWORD), null, "", Map.of(), "security_alerts,devices");
    try {
      List<String> ready = s.await("\"devices\"");
      assertThat(ready.get(ready.size() - 1)).contains("\"topics\":[\"alerts\",\"devices\"]");
    } finally {
      s.close();
    }
  }

  private static String lastId(List<String> lines) {
    String id = null;
    for (String line : lines) {
      if (line.startsWith("id:")) {
        id = line.substring(3).trim();
      }
    }
    assertThat(id).as("an id: line in " + lines).isNotNull();
    return id;
  }

  @Test
  void viewerMayStream() throws Exception {
    TestUser viewer = userWithRole(admin(), "viewer");
    Subscription s = subscribe(login(viewer.username(), PASSWORD), null);
    try {
      String id = createAlert(admin(), "seen by the viewer");
      s.await(id);
    } finally {
      s.close();
    }
  }

  @Test
  void uiIsServedWithoutTokenAndWithStrictContentSecurityPolicy() {
    ApiClient.Response index = anonymous().send("GET", "/", null, null);
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.raw().body()).contains("/ui/app.js").doesNotContain("<script>");
    String csp = index.header("Content-Security-Policy");
    assertThat(csp).contains("default-src 'self'").contains("script-src 'self'");
    assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(index.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(index.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(anonymous().send("GET", "/ui/app.js", null, null).status()).isEqualTo(200);
    assertThat(
            anonymous().send("GET", "/webjars/uplot/1.6.30/dist/uPlot.esm.js", null, null).status())
        .isEqualTo(200);
    assertThat(admin().get("/api/v1/alerts").header("Content-Security-Policy")).isEqualTo(csp);
    assertThat(anonymous().get("/api/v1/alerts").status()).isEqualTo(401);
  }

  private static String createAlert(ApiClient api, String title) {
    ApiClient.Response r = api.post("/api/v1/alerts", Map.of("title", title, "severity", "low"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.text("id");
  }

  private Subscription subscribe(String token, String tenant) throws Exception {
    return subscribe(token, tenant, "");
  }

  private Subscription subscribe(String token, String tenant, String query) throws Exception {
    return subscribe(token, tenant, query, Map.of());
  }

  private Subscription subscribe(
      String token, String tenant, String query, Map<String, String> headers) throws Exception {
    return subscribe(token, tenant, query, headers, "alerts");
  }

  private Subscription subscribe(
      String token, String tenant, String query, Map<String, String> headers, String topics)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/stream?topics=" + topics + query))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream");
    headers.forEach(request::header);
    if (tenant != null) {
      request.header("X-Tenant-ID", tenant);
    }
    HttpResponse<Stream<String>> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    return new Subscription(response.body());
  }

  /** Lines of an open stream, read on a background thread. */
  private static final class Subscription {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Stream<String> stream;

    Subscription(Stream<String> stream) {
      this.stream = stream;
      CompletableFuture.runAsync(() -> stream.forEach(lines::add));
    }

    /** Lines up to and including the first one containing {@code text}. */
    List<String> await(String text) throws InterruptedException {
      List<String> seen = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line != null) {
          seen.add(line);
          if (line.contains(text)) {
            return seen;
          }
        }
      }
      throw new AssertionError("no line with " + text + " in " + seen);
    }

    void close() {
      stream.close();
    }
  }
}
