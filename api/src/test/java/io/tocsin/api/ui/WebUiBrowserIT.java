package io.tocsin.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser (Debian's chromium + chromedriver, headless) against the packaged
 * jar: login, live triage, the policy editor's positioned errors, a viewer's missing buttons and
 * tenant isolation. Each main screen is saved to {@code docs/ui/} so the docs show what the tests
 * saw. Skipped, with the reason, only where chromium or chromedriver is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiBrowserIT {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path SHOTS =
      Path.of(System.getProperty("tocsin.ui.screenshots", "../docs/ui"));

  @TempDir static Path dir;
  private static PackagedServer server;
  private static WebDriver browser;
  private static ApiClient admin;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium,"
            + " /usr/bin/chromedriver): apt-get install -y chromium chromium-driver");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    server = PackagedServer.start(dir);
    admin = server.admin();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--window-size=1440,1000");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
            options);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void signedOut() {
    browser.get(server.base() + "/");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.get(server.base() + "/#/login");
    await(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
  }

  @Test
  @Order(1)
  void loginWhenPasswordWrongThenErrorAndNoAccessThenRightPasswordOpensQueue() throws Exception {
    fill("username", "admin");
    fill("password", "not-the-password");
    browser.findElement(By.id("login-submit")).click();
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "Wrong"));
    assertThat(browser.findElements(By.id("logout"))).isEmpty();
    screenshot("login");

    signIn("admin", PackagedServer.ADMIN_PASSWORD, null);
    await(ExpectedConditions.visibilityOfElementLocated(By.id("alert-table")));
    assertThat(text(By.id("whoami"))).contains("admin").contains("default");

    browser.findElement(By.id("logout")).click();
    await(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
  }

  /**
   * Ingest → the alert appears live (no reload) → acknowledge with {@code a} → close with a reason.
   */
  @Test
  @Order(2)
  void triageFromLiveQueueToClosed() throws Exception {
    String marker = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    String policyName = "Live <b>" + marker + "</b>";
    createPolicy(admin, policyName, "process.name == '" + marker + ".exe'", "high");
    submitInventory(admin, "web-ui-01");

    signIn("admin", PackagedServer.ADMIN_PASSWORD, null);
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "live"));
    String loadedBefore = browser.findElement(By.tagName("main")).getAttribute("data-load-ms");

    ingest(admin, marker, "web-ui-01");
    By row =
        By.xpath("//tr[.//a[contains(@class,'alert-title') and contains(., '" + marker + "')]]");
    WebElement live = await(ExpectedConditions.visibilityOfElementLocated(row));
    // Markup in user data is shown as text, never parsed.
    assertThat(live.getText()).contains("<b>" + marker + "</b>");
    assertThat(browser.findElement(By.tagName("main")).getAttribute("data-load-ms"))
        .as("no reload")
        .isEqualTo(loadedBefore);
    String alertId = live.getAttribute("data-id");
    screenshot("alerts");

    live.findElement(By.cssSelector("td:nth-child(3)")).click();
    new Actions(browser).sendKeys("a").perform();
    await(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("tr[data-id='" + alertId + "'] .status-cell"), "acknowledged"));
    assertThat(admin.get("/api/v1/alerts/" + alertId).text("status")).isEqualTo("acknowledged");

    new Actions(browser).sendKeys("c").perform();
    await(ExpectedConditions.visibilityOfElementLocated(By.id("dlg-close_reason")));
    new Select(browser.findElement(By.id("dlg-close_reason"))).selectByValue("false_positive");
    browser.findElement(By.id("dlg-notes")).sendKeys("lab test");
    browser.findElement(By.id("dlg-ok")).click();
    await(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("tr[data-id='" + alertId + "'] .status-cell"), "closed"));
    Response closed = admin.get("/api/v1/alerts/" + alertId);
    assertThat(closed.text("status")).isEqualTo("closed");
    assertThat(closed.text("close_reason")).isEqualTo("false_positive");

    browser.get(server.base() + "/#/alerts/" + alertId);
    await(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#triggering-events tr.matched")));
    assertThat(text(By.cssSelector("#triggering-events tr.matched"))).contains("process.name");
    await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#process-tree .proc.hit")));
    await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#timeline li.trigger")));
    assertThat(text(By.id("history"))).contains("closed");
    assertThat(browser.findElement(By.id("policy-link")).getAttribute("href"))
        .contains("#/policies/");
    browser.manage().window().setSize(new Dimension(1440, 1900));
    screenshot("alert-detail");
    browser.manage().window().setSize(new Dimension(1440, 1000));

    otherScreens(marker);
  }

  @Test
  @Order(3)
  void policyEditorShowsEachProblemAtLineAndColumnWithDidYouMean() throws Exception {
    signIn("admin", PackagedServer.ADMIN_PASSWORD, null);
    browser.get(server.base() + "/#/policies/new");
    await(ExpectedConditions.visibilityOfElementLocated(By.id("rule-0-condition")));
    fill("p-name", "Typo policy");
    fill("p-tags", "attack.t1059");
    browser
        .findElement(By.id("rule-0-condition"))
        .sendKeys("process.name == 'x' and\nprocess.nme == 'y'");
    await(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("policy-problems"), "did you mean [process.name]"));
    assertThat(text(By.id("policy-problems"))).contains("line 2:1").contains("process.nme");
    assertThat(text(By.id("validation-status"))).isEqualTo("invalid");
    screenshot("policy-editor");

    browser
        .findElement(By.id("rule-0-condition"))
        .sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE);
    WebElement condition = browser.findElement(By.id("rule-0-condition"));
    condition.clear();
    condition.sendKeys("process.name == 'typo.exe'");
    await(ExpectedConditions.textToBe(By.id("validation-status"), "valid"));
    browser.findElement(By.id("save-policy")).click();
    await(ExpectedConditions.visibilityOfElementLocated(By.id("versions")));
    await(
        ExpectedConditions.textToBePresentInElementLocated(By.id("policy-heading"), "Typo policy"));
    browser.get(server.base() + "/#/policies");
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("policy-rows"), "Typo policy"));
    screenshot("policies");
  }

  @Test
  @Order(4)
  void viewerSeesNoButtonsItMayNotPress() throws Exception {
    String marker = "view-" + UUID.randomUUID().toString().substring(0, 8);
    createPolicy(admin, "Viewer sees " + marker, "process.name == '" + marker + ".exe'", "medium");
    ingest(admin, marker, "web-ui-02");
    String alertId = awaitAlert(admin, marker);
    String viewer = "viewer-" + marker;
    assertThat(
            admin
                .post(
                    "/api/v1/users",
                    Map.of(
                        "email",
                        viewer + "@example.com",
                        "username",
                        viewer,
                        "password",
                        "viewer-password-1",
                        "role",
                        "viewer"))
                .status())
        .isEqualTo(201);

    signIn(viewer, "viewer-password-1", null);
    await(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("tr[data-id='" + alertId + "']")));
    assertThat(browser.findElements(By.id("bulk-ack"))).isEmpty();
    assertThat(browser.findElements(By.id("bulk-close"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".row-select"))).isEmpty();
    assertThat(text(By.id("read-only"))).contains("cannot triage");
    browser.findElement(By.cssSelector("tr[data-id='" + alertId + "'] td:nth-child(2)")).click();
    new Actions(browser).sendKeys("a").perform();

    browser.get(server.base() + "/#/alerts/" + alertId);
    await(ExpectedConditions.visibilityOfElementLocated(By.id("alert-title")));
    assertThat(browser.findElements(By.id("detail-ack"))).isEmpty();
    assertThat(browser.findElements(By.id("action-isolate_host"))).isEmpty();
    assertThat(browser.findElements(By.id("note-add"))).isEmpty();
    browser.get(server.base() + "/#/policies");
    await(ExpectedConditions.visibilityOfElementLocated(By.id("policy-table")));
    assertThat(browser.findElements(By.id("new-policy"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("input.toggle:not([disabled])"))).isEmpty();

    // The keyboard did nothing, and the API refuses the viewer anyway.
    assertThat(admin.get("/api/v1/alerts/" + alertId).text("status")).isEqualTo("open");
    ApiClient asViewer = server.login(viewer, "viewer-password-1", null);
    assertThat(asViewer.put("/api/v1/alerts/" + alertId, Map.of("status", "acknowledged")).status())
        .isEqualTo(403);
  }

  @Test
  @Order(5)
  void tenantBNeverSeesTenantAsAlertsListedLiveOrByLink() throws Exception {
    String tenant = "ui-b-" + UUID.randomUUID().toString().substring(0, 6);
    assertThat(admin.post("/api/v1/tenants", Map.of("id", tenant, "name", "UI tenant B")).status())
        .isEqualTo(201);
    ApiClient platformInB = admin.with("X-Tenant-ID", tenant);
    assertThat(
            platformInB
                .post(
                    "/api/v1/users",
                    Map.of(
                        "email",
                        "boss@b.example",
                        "username",
                        "boss-b",
                        "password",
                        "tenant-b-password",
                        "role",
                        "admin"))
                .status())
        .isEqualTo(201);
    String markerA = "tena-" + UUID.randomUUID().toString().substring(0, 8);
    String markerB = "tenb-" + UUID.randomUUID().toString().substring(0, 8);
    createPolicy(
        admin, "Tenant A only " + markerA, "process.name == '" + markerA + ".exe'", "high");
    ingest(admin, markerA, "a-host");
    String alertA = awaitAlert(admin, markerA);
    ApiClient adminB = server.login("boss-b", "tenant-b-password", tenant);
    createPolicy(adminB, "Tenant B " + markerB, "process.name == '" + markerB + ".exe'", "low");

    signIn("boss-b", "tenant-b-password", tenant);
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("live-state"), "live"));
    assertThat(text(By.id("whoami"))).contains(tenant);
    await(ExpectedConditions.visibilityOfElementLocated(By.id("no-alerts")));

    // A's next alert is streamed before B's (one ordered stream per subscriber): when B's shows,
    // A's would already be there if it leaked.
    ingest(admin, markerA + "-again", "a-host");
    createPolicy(
        admin, "Tenant A again " + markerA, "process.name == '" + markerA + "-again.exe'", "high");
    ingest(admin, markerA + "-again", "a-host");
    awaitAlert(admin, markerA + "-again");
    ingest(adminB, markerB, "b-host");
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-rows"), markerB));
    assertThat(text(By.id("alert-rows"))).doesNotContain(markerA).doesNotContain("a-host");
    assertThat(text(By.id("count-all"))).isEqualTo("1");
    screenshot("tenant-b");

    browser.get(server.base() + "/#/alerts/" + alertA);
    await(ExpectedConditions.visibilityOfElementLocated(By.id("alert-error")));
    assertThat(text(By.id("alert-error"))).contains("No such alert");
  }

  private void otherScreens(String marker) throws Exception {
    browser.get(server.base() + "/#/dashboard");
    await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chart-events canvas")));
    await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#bars-severity rect")));
    screenshot("dashboard");

    browser.get(server.base() + "/#/search");
    WebElement query = await(ExpectedConditions.visibilityOfElementLocated(By.id("search-query")));
    query.clear();
    query.sendKeys("process.name:" + marker + "*");
    browser.findElement(By.id("search-run")).click();
    await(ExpectedConditions.textToBePresentInElementLocated(By.id("search-rows"), marker));
    screenshot("search");
    browser.findElement(By.id("save-as-policy")).click();
    await(
        ExpectedConditions.attributeContains(
            By.id("rule-0-condition"), "value", "process.name:" + marker));

    browser.get(server.base() + "/#/hosts/web-ui-01");
    await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#process-tree .tree")));
    screenshot("host");

    browser.get(server.base() + "/#/webhooks");
    await(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-table")));
    screenshot("webhooks");

    browser.get(server.base() + "/#/admin");
    await(ExpectedConditions.visibilityOfElementLocated(By.id("user-rows")));
    screenshot("admin");
  }

  private static void createPolicy(ApiClient api, String name, String condition, String severity)
      throws InterruptedException {
    Response created =
        api.post(
            "/api/v1/policies",
            Map.of(
                "name", name,
                "tags", List.of("attack.t1059"),
                "rules", List.of(Map.of("condition", condition, "severity", severity))));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  /** Sends the marker's process event until the (asynchronously reloaded) policy detects it. */
  private static void ingest(ApiClient api, String marker, String host)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    // Ids unique per call: a second call for the same marker must not re-send (duplicate) ids.
    String call = Long.toString(System.nanoTime(), 36);
    int i = 0;
    while (Instant.now().isBefore(deadline)) {
      Response r =
          api.post(
              "/api/v1/events",
              Map.of(
                  "id", marker + "-" + call + "-" + i++,
                  "ts", Instant.now().toString(),
                  "host_id", host,
                  "event", Map.of("type", "process", "action", "start"),
                  "user", Map.of("name", "alice"),
                  "process",
                      Map.of(
                          "name",
                          marker + ".exe",
                          "pid",
                          4242,
                          "ppid",
                          1,
                          "command_line",
                          marker + ".exe --run")));
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      if (r.body().path("detections").asInt() > 0) {
        return;
      }
      Thread.sleep(250);
    }
  }

  private static String awaitAlert(ApiClient api, String marker) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      Response r = api.get("/api/v1/alerts?condition=process.name%20%3D%3D%20'" + marker + ".exe'");
      if (r.status() == 200 && r.body().path("alerts").size() > 0) {
        return r.body().path("alerts").get(0).path("id").asString();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no alert for " + marker);
  }

  private static void submitInventory(ApiClient api, String host) {
    Response r =
        api.post(
            "/api/v1/submit/",
            Map.of(
                "host_id",
                host,
                "hostname",
                host,
                "platform",
                "Debian GNU/Linux",
                "platform_version",
                "12",
                "ip_addresses",
                List.of("192.0.2.10"),
                "processes",
                List.of(
                    Map.of("pid", 1, "ppid", 0, "name", "systemd", "username", "root"),
                    Map.of("pid", 900, "ppid", 1, "name", "sshd", "username", "root"),
                    Map.of("pid", 4242, "ppid", 900, "name", "suspicious", "username", "alice"))));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  private void signIn(String user, String password, String tenant) {
    browser.get(server.base() + "/#/login");
    await(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    fill("username", user);
    fill("password", password);
    if (tenant != null) {
      browser.findElement(By.cssSelector("#login-form summary")).click();
      fill("tenant", tenant);
    }
    browser.findElement(By.id("login-submit")).click();
    await(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
  }

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private String text(By by) {
    return browser.findElement(by).getText();
  }

  private <T> T await(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, WAIT).until(condition);
  }

  private void screenshot(String name) throws Exception {
    Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        png, SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
