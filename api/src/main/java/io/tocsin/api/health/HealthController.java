package io.tocsin.api.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public health in the seed shape: {@code status, version, timestamp, services}. */
@RestController
@RequestMapping("/api/v1/health")
class HealthController {

  private final DatabaseStatus database;
  private final ApplicationAvailability availability;
  private final Clock clock;
  private final String version;

  HealthController(
      DatabaseStatus database,
      ApplicationAvailability availability,
      Clock clock,
      ObjectProvider<BuildProperties> build) {
    this.database = database;
    this.availability = availability;
    this.clock = clock;
    BuildProperties properties = build.getIfAvailable();
    this.version = properties == null ? "dev" : properties.getVersion();
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> health() {
    boolean databaseUp = database.up();
    Map<String, Object> services = new LinkedHashMap<>();
    services.put("database", databaseUp ? "healthy" : "unhealthy");
    services.put("api", "healthy");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", databaseUp ? "healthy" : "unhealthy");
    body.put("version", version);
    body.put("timestamp", clock.instant());
    body.put("services", services);
    return ResponseEntity.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(body);
  }

  @GetMapping("/ready")
  ResponseEntity<Map<String, Object>> ready() {
    boolean ready =
        availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC && database.up();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ready" : "not_ready");
    body.put("timestamp", clock.instant());
    return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
  }
}
