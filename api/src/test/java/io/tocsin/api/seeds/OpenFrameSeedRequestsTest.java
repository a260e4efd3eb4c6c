package io.tocsin.api.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.api.alert.TestTenants;
import io.tocsin.api.support.ApiClient;
import io.tocsin.api.support.ApiClient.Response;
import io.tocsin.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenFrame integration guide: devices, and alerts raised against a device. */
class OpenFrameSeedRequestsTest extends ApiTest {

  private static final String JSON = "application/json";

  private ApiClient admin;
  private String deviceId;

  @BeforeEach
  void tenantWithOneDevice() {
    admin = TestTenants.tenant(admin(), 30).admin();
    ApiClient agent = TestTenants.agent(admin, anonymous());
    Response submitted =
        agent.post(
            "/api/v1/submit/",
            Map.of(
                "host_id", "laptop-7",
                "hostname", "laptop-7",
                "platform", "Windows",
                "processes", List.of(Map.of("pid", 4, "ppid", 0, "name", "System"))));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    deviceId =
        admin.get("/api/v1/devices?page=1&per_page=50").body().at("/devices/0/id").asString();
  }

  @Test
  void alertForADeviceKeepsItAndCarriesADescription() {
    assertThat(deviceId).isEqualTo("laptop-7");
    Response created =
        admin.send(
            "POST",
            "/api/v1/alerts",
            SeedRequests.body("openframe/01-create-alert.json", Map.of("device_id", deviceId)),
            JSON);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.text("device_id")).isEqualTo(deviceId);
    assertThat(created.text("host_id")).isEqualTo(deviceId);
    assertThat(created.text("description")).isEqualTo("BitLocker was turned off on the device");
    JsonNode page = admin.get("/api/v1/alerts?status=open").body();
    JsonNode open = page.path("alerts");
    assertThat(open.get(0).path("device_id").asString()).isEqualTo(deviceId);
    JsonNode data = page.path("data");
    assertThat(data).as("the ITSM example reads `data`; same items as `alerts`").isEqualTo(open);
    JsonNode item = data.get(0);
    assertThat(item.path("id").asString()).isEqualTo(created.text("id"));
    assertThat(item.path("title").asString()).isEqualTo("Disk encryption disabled");
    assertThat(item.path("description").asString())
        .isEqualTo("BitLocker was turned off on the device");
    assertThat(item.path("severity").asString()).isEqualTo("high");
    assertThat(item.path("status").asString()).isEqualTo("open");
    assertThat(item.path("device_id").asString()).isEqualTo(deviceId);
    assertThat(item.path("created_at").asString()).isEqualTo(created.text("created_at"));

    Response bare =
        admin.post("/api/v1/alerts", Map.of("title", "no description", "device_id", deviceId));
    assertThat(bare.status()).isEqualTo(201);
    assertThat(bare.body().has("description")).as("alert views always carry description").isTrue();
    JsonNode listed = admin.get("/api/v1/alerts").body().path("alerts");
    listed.forEach(a -> assertThat(a.has("description")).as(a.toString()).isTrue());
  }

  @Test
  void unknownDeviceIsRefused() {
    Response refused =
        admin.send(
            "POST",
            "/api/v1/alerts",
            SeedRequests.body("openframe/02-create-alert-unknown-device.json"),
            JSON);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
    assertThat(refused.body().at("/error/details/field").asString()).isEqualTo("device_id");
    assertThat(admin.get("/api/v1/alerts").body().path("total").asInt()).isZero();
  }
}
