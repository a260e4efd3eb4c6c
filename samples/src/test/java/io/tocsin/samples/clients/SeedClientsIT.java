package io.tocsin.samples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tocsin.samples.support.PackagedServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The CyberPulse and OpenFrame clients printed in the seed guides (samples/clients), run unchanged
 * in Python and Node against the packaged server, with the packaged agent as the device they report
 * on and scan. Each client exits non-zero when a call fails or a live message does not arrive. A
 * client whose interpreter or libraries are missing is skipped with the reason (.ci/run installs
 * them: Debian's python3-requests, python3-requests-oauthlib, python3-websocket; npm ci).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedClientsIT {

  private static final String PASSWORD = "seed-clients-admin-pw";

  private final Path clients = PackagedServer.fromRoot("samples/clients");
  private Path tmp;
  private PackagedServer server;
  private Process agent;
  private String hostId;
  private String clientId;
  private String clientSecret;
  private String redirect;

  @BeforeAll
  void startServerAndAgent() throws Exception {
    tmp = Files.createTempDirectory("tocsin-seed-clients-");
    server = PackagedServer.start(tmp, PASSWORD, Map.of());
    String key =
        server.post("/api/v1/api-keys", Map.of("name", "clients agent")).path("key").asString();
    hostId = "clients-" + UUID.randomUUID();
    agent = startAgent(key);
    awaitDevice();
    try (ServerSocket free = new ServerSocket(0)) {
      redirect = "http://127.0.0.1:" + free.getLocalPort() + "/callback";
    }
    JsonNode client =
        server.post(
            "/api/v1/oauth/clients",
            Map.of(
                "name", "OpenFrame integration",
                "grant_types", List.of("client_credentials", "authorization_code"),
                "scopes", List.of("read", "write"),
                "redirect_uris", List.of(redirect)));
    clientId = client.path("client_id").asString();
    clientSecret = client.path("client_secret").asString();
  }

  @AfterAll
  void stop() throws InterruptedException {
    PackagedServer.stop(agent);
    if (server != null) {
      server.close();
    }
  }

  @Test
  void cyberPulsePythonClient() throws Exception {
    ScriptRun run = run(python(), "cyberpulse", "cyberpulse_client.py", cyberPulseEnv());
    assertThat(run.output())
        .contains("Security score: ")
        .contains("Project Brute force investigation: completed, 100% done")
        .contains("PDF report: ")
        .contains("starts with b'%PDF-'")
        .contains("Scan ")
        .contains(": completed")
        .contains("'security_alerts'");
  }

  @Test
  void cyberPulseNodeClient() throws Exception {
    ScriptRun run = run(node(), "cyberpulse", "cyberpulse_client.js", cyberPulseEnv());
    assertThat(run.output())
        .contains("Security score: ")
        .contains("completed, 100% done")
        .contains("CSV report lines: ")
        .contains("\"security_alerts\"");
  }

  @Test
  void openFramePythonIntegration() throws Exception {
    ScriptRun run = run(python(), "openframe", "openframe_integration.py", openFrameEnv());
    assertThat(run.output())
        .contains("on device " + hostId)
        .containsPattern("Tickets to open: [1-9]")
        .contains("'alert'");
  }

  @Test
  void openFrameNodeIntegration() throws Exception {
    ScriptRun run = run(node(), "openframe", "openframe_integration.js", openFrameEnv());
    assertThat(run.output())
        .contains("on device " + hostId)
        .containsPattern("Open alerts for the ITSM: [1-9]")
        .contains("\"alert\"");
  }

  @Test
  void openFramePythonClientCredentialsSample() throws Exception {
    ScriptRun run = run(python(), "openframe", "oauth_client_credentials.py", oauthSampleEnv());
    assertThat(run.output()).contains("Got an access token").containsPattern("\\d+ open alerts");
  }

  /**
   * The authorization-code flow with PKCE: the script is the app (it listens for the redirect on a
   * loopback port), the test is the user's browser that signs in and is sent back to it.
   */
  @Test
  void openFramePythonAuthorizationCodeWithPkce() throws Exception {
    Browser browser = new Browser();
    String authorize = server.base() + "/api/v1/oauth/authorize?";
    ScriptRun run =
        ScriptRun.run(
            List.of(python(), "oauth_authorization_code.py"),
            clients.resolve("openframe"),
            oauthSampleEnv(),
            line -> {
              if (line.startsWith(authorize)) {
                browser.deliver(browser.signIn(line.trim()));
              }
              return null;
            });
    assertRan(run);
    assertThat(run.output())
        .contains("Got an access token for scope")
        .contains("Acting as admin")
        .containsPattern("\\d+ open alerts");
  }

  private Map<String, String> cyberPulseEnv() {
    return Map.of(
        "CYBERPULSE_API_URL",
        server.base() + "/api/v1",
        "CYBERPULSE_USERNAME",
        "admin",
        "CYBERPULSE_PASSWORD",
        PASSWORD,
        "CYBERPULSE_SCAN_TARGET",
        hostId,
        "NODE_PATH",
        clients.resolve("node_modules").toString());
  }

  private Map<String, String> openFrameEnv() {
    return Map.of(
        "OPENFRAME_API_URL",
        server.base() + "/api/v1",
        "OPENFRAME_CLIENT_ID",
        clientId,
        "OPENFRAME_CLIENT_SECRET",
        clientSecret,
        "NODE_PATH",
        clients.resolve("node_modules").toString());
  }

  private Map<String, String> oauthSampleEnv() {
    return Map.of(
        "TOCSIN_BASE_URL",
        server.base() + "/api/v1",
        "TOCSIN_CLIENT_ID",
        clientId,
        "TOCSIN_CLIENT_SECRET",
        clientSecret,
        "TOCSIN_REDIRECT_URI",
        redirect,
        "TOCSIN_SCOPE",
        "read write",
        "BROWSER",
        "true");
  }

  /** Runs {@code dir/script} with {@code interpreter}; fails the test unless it exits 0. */
  private ScriptRun run(String interpreter, String dir, String script, Map<String, String> env)
      throws Exception {
    ScriptRun run =
        ScriptRun.run(List.of(interpreter, script), clients.resolve(dir), env, line -> null);
    assertRan(run);
    return run;
  }

  private void assertRan(ScriptRun run) {
    assertThat(run.exitCode())
        .as("client output:\n%s\nserver log tail:\n%s", run.output(), tail())
        .isZero();
  }

  private String tail() {
    String log = server.log();
    return log.substring(Math.max(0, log.length() - 4000));
  }

  /** A python3 with requests, requests_oauthlib and websocket-client, or the test is skipped. */
  private static String python() throws Exception {
    for (String candidate : List.of("/usr/bin/python3", "python3")) {
      if (exitsZero(candidate, "-c", "import requests, requests_oauthlib, websocket")) {
        return candidate;
      }
    }
    assumeTrue(false, "no python3 with requests, requests_oauthlib and websocket-client");
    return null;
  }

  /** node with samples/clients/node_modules installed (npm ci), or the test is skipped. */
  private String node() throws Exception {
    assumeTrue(exitsZero("node", "--version"), "node is not installed");
    assumeTrue(
        Files.isDirectory(clients.resolve("node_modules/ws"))
            && Files.isDirectory(clients.resolve("node_modules/axios")),
        "samples/clients/node_modules missing: run npm ci in samples/clients");
    return "node";
  }

  private static boolean exitsZero(String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException notInstalled) {
      return false;
    }
  }

  private Process startAgent(String key) throws IOException {
    Path jar = PackagedServer.fromRoot("agent/target/tocsin-agent.jar");
    ProcessBuilder b =
        new ProcessBuilder(
                PackagedServer.java(), "-Xmx48m", "-XX:+UseSerialGC", "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("agent.log").toFile());
    Map<String, String> env = b.environment();
    env.keySet().removeIf(k -> k.startsWith("TOCSIN_AGENT_") || k.startsWith("OSPULSE_"));
    env.put("TOCSIN_AGENT_SERVER", server.base());
    env.put("TOCSIN_AGENT_API_KEY", key);
    env.put("TOCSIN_AGENT_HOST_ID", hostId);
    env.put("TOCSIN_AGENT_DATA_DIR", tmp.resolve("agent-data").toString());
    env.put("TOCSIN_AGENT_COMMAND_INTERVAL", "1");
    env.put("TOCSIN_AGENT_SNAPSHOT_INTERVAL", "5");
    env.put("TOCSIN_AGENT_PROCESS_EVENTS", "poll");
    return b.start();
  }

  private void awaitDevice() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
    while (Instant.now().isBefore(deadline)) {
      assertThat(agent.isAlive())
          .as("agent running:\n%s", Files.readString(tmp.resolve("agent.log")))
          .isTrue();
      if (server.get("/api/v1/devices").toString().contains(hostId)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "agent's host not in /devices:\n" + Files.readString(tmp.resolve("agent.log")));
  }

  /** The user's browser: cookies, the login form with its CSRF token, redirects one by one. */
  private final class Browser {
    private final Pattern csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Follows the authorization URL through sign-in to the redirect back to the client. */
    String signIn(String authorizationUrl) {
      try {
        String url = authorizationUrl;
        for (int hop = 0; hop < 10; hop++) {
          HttpResponse<String> r = get(url);
          if (r.statusCode() == 200) {
            Matcher token = csrf.matcher(r.body());
            assertThat(token.find()).as("a login form:\n%s", r.body()).isTrue();
            r = postLogin(url, token.group(1));
          }
          assertThat(r.statusCode()).as("%s: %s", url, r.body()).isEqualTo(302);
          url =
              URI.create(url).resolve(r.headers().firstValue("Location").orElseThrow()).toString();
          if (url.startsWith(redirect)) {
            return url;
          }
        }
        throw new AssertionError("no redirect back to " + redirect);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** The browser arriving at the app's redirect URI with the code. */
    void deliver(String callback) {
      try {
        assertThat(get(callback).statusCode()).isEqualTo(200);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(String url, String csrfToken)
        throws IOException, InterruptedException {
      String form =
          "username=admin&password="
              + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
              + "&_csrf="
              + java.net.URLEncoder.encode(csrfToken, StandardCharsets.UTF_8);
      return http.send(
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
