package io.tocsin.api.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
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
@Tag(name = "Health", description = "Liveness and readiness of the server and its store")
class HealthController {

  /**
   * {@code GET /health}: overall status and per service.
   *
   * @param status {@code healthy} or {@code unhealthy} (the store does not answer)
   * @param version server version ({@code dev} without build information)
   * @param timestamp when it was checked
   * @param services per service: {@code healthy} or {@code unhealthy}
   */
  record HealthStatus(String status, String version, Instant timestamp, HealthServices services) {}

  /**
   * The services {@code GET /health} checks.
   *
   * @param database {@code healthy} or {@code unhealthy}
   * @param api always {@code healthy} (it answered)
   */
  record HealthServices(String database, String api) {}

  /**
   * {@code GET /health/ready}.
   *
   * @param status {@code ready} or {@code not_ready}
   * @param timestamp when it was checked
   */
  record ReadinessStatus(String status, Instant timestamp) {}

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
  @Operation(summary = "Report whether the server and its database are healthy")
  @ApiResponse(
      responseCode = "200",
      description = "Healthy",
      content = @Content(schema = @Schema(implementation = HealthStatus.class)))
  @ApiResponse(
      responseCode = "503",
      description = "The database does not answer (same body, status unhealthy)",
      content = @Content(schema = @Schema(implementation = HealthStatus.class)))
  ResponseEntity<HealthStatus> getHealth() {
    boolean databaseUp = database.up();
    String state = databaseUp ? "healthy" : "unhealthy";
    HealthStatus body =
        new HealthStatus(state, version, clock.instant(), new HealthServices(state, "healthy"));
    return ResponseEntity.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(body);
  }

  @GetMapping("/ready")
  @Operation(summary = "Report whether the server accepts traffic (for load balancers)")
  @ApiResponse(
      responseCode = "200",
      description = "Ready",
      content = @Content(schema = @Schema(implementation = ReadinessStatus.class)))
  @ApiResponse(
      responseCode = "503",
      description = "Not accepting traffic yet, or the database does not answer (status not_ready)",
      content = @Content(schema = @Schema(implementation = ReadinessStatus.class)))
  ResponseEntity<ReadinessStatus> getReadiness() {
    boolean ready =
        availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC && database.up();
    ReadinessStatus body = new ReadinessStatus(ready ? "ready" : "not_ready", clock.instant());
    return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
  }
}
