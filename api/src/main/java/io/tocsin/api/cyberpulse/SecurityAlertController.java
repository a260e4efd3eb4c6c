package io.tocsin.api.cyberpulse;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.alert.AlertBodies;
import io.tocsin.api.alert.ExternalAlerts;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/security/alerts}: an alert in the CyberPulse shape. Stored like a manual
 * alert ({@code source: cyberpulse}); the network context becomes the alert's {@code group_key}
 * under canonical field names, so correlation and search see it.
 */
@RestController
@Tag(name = "Security alerts", description = "CyberPulse alerts, stored as ordinary alerts")
class SecurityAlertController {

  /**
   * The CyberPulse alert.
   *
   * @param title required
   * @param description free text
   * @param severity {@code low|medium|high|critical}, any case; default {@code medium}
   * @param sourceIp an IP literal
   * @param destinationIp an IP literal
   * @param port destination port, 0–65535
   * @param protocol e.g. {@code SSH}
   * @param eventType e.g. {@code failed_login}
   * @param hostId host the alert is about
   * @param eventIds related event ids of the tenant ({@code events} is accepted too)
   * @param events same as {@code event_ids}
   * @param tags free tags
   */
  record SecurityAlertRequest(
      String title,
      String description,
      String severity,
      String sourceIp,
      String destinationIp,
      Integer port,
      String protocol,
      String eventType,
      String hostId,
      List<String> eventIds,
      List<String> events,
      List<String> tags) {}

  /**
   * The answer: {@code alert_id} and, beside it, the alert as {@code GET /alerts/{id}} shows it.
   *
   * @param alertId the new alert's id
   * @param alert the alert's fields, written beside {@code alert_id}
   */
  record SecurityAlertCreated(String alertId, @JsonUnwrapped AlertBodies.AlertDetail alert) {}

  private final ExternalAlerts alerts;

  SecurityAlertController(ExternalAlerts alerts) {
    this.alerts = alerts;
  }

  @PostMapping("/api/v1/security/alerts")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize(Authz.ANALYST)
  @Operation(summary = "Raise an alert from the CyberPulse alert shape")
  SecurityAlertCreated createSecurityAlert(
      CurrentPrincipal principal, @RequestBody SecurityAlertRequest body) {
    if (body == null) {
      throw InvalidField.of("title", "is required");
    }
    Map<String, Object> context = new LinkedHashMap<>();
    putIfSet(context, "network.source.ip", ip("source_ip", body.sourceIp()));
    putIfSet(context, "network.destination.ip", ip("destination_ip", body.destinationIp()));
    if (body.port() != null) {
      if (body.port() < 0 || body.port() > 65535) {
        throw InvalidField.of("port", "must be between 0 and 65535");
      }
      context.put("network.destination.port", body.port());
    }
    putIfSet(context, "network.protocol", body.protocol());
    putIfSet(context, "event.action", body.eventType());
    List<String> ids = new ArrayList<>();
    if (body.eventIds() != null) {
      ids.addAll(body.eventIds());
    }
    if (body.events() != null) {
      body.events().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    }
    AlertBodies.AlertDetail created =
        alerts.create(
            principal,
            new ExternalAlerts.NewAlert(
                "cyberpulse",
                body.title(),
                body.description(),
                body.severity(),
                ids,
                body.tags(),
                body.hostId(),
                context));
    return new SecurityAlertCreated(created.alert().id(), created);
  }

  private static String ip(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    // literals only: InetAddress would resolve a host name through DNS
    if (!v.matches("[0-9A-Fa-f:.]+") || !(v.contains(".") || v.contains(":"))) {
      throw InvalidField.of(field, "must be an IPv4 or IPv6 address, got [" + v + "]");
    }
    try {
      return InetAddress.getByName(v).getHostAddress();
    } catch (UnknownHostException e) {
      throw InvalidField.of(field, "must be an IPv4 or IPv6 address, got [" + v + "]");
    }
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value.trim());
    }
  }
}
