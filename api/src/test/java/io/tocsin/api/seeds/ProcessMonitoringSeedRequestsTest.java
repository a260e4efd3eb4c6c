package io.tocsin.api.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Process Monitoring System API: a snapshot submitted as printed, then read back. */
class ProcessMonitoringSeedRequestsTest extends ApiTest {

  private ApiClient admin;
  private ApiClient agent;

  @BeforeEach
  void tenant() {
    admin = TestTenants.tenant(admin(), 30).admin();
    agent = TestTenants.agent(admin, anonymous());
  }

  @Test
  void submitAsPrintedThenHostsProcessesAndMetricsAnswer() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    Response submitted =
        agent.send(
            "POST",
            "/api/v1/submit/",
            SeedRequests.body("process-monitoring/01-submit.json", Map.of("suffix", suffix)),
            "application/json");

    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    assertThat(submitted.body().path("processes_count").asInt()).isEqualTo(1);
    String host = submitted.text("host_id");
    JsonNode summary = admin.get("/api/v1/hosts/summary/").body();
    assertThat(summary.get(0).path("hostname").asString()).isEqualTo("workstation-" + suffix);
    JsonNode processes = admin.get("/api/v1/processes/?name=explorer").body();
    assertThat(processes.path("count").asInt()).isEqualTo(1);
    assertThat(processes.at("/results/0/create_time").asString()).isEqualTo("2022-01-01T00:00:00Z");
    assertThat(admin.get("/api/v1/hosts/" + host + "/").body().path("os_info").asString())
        .isEqualTo("Windows 10 Pro");
    assertThat(
            admin
                .get("/api/v1/system-metrics/latest/")
                .body()
                .get(0)
                .path("memory_percent")
                .asDouble())
        .isEqualTo(50.0);
  }
}
