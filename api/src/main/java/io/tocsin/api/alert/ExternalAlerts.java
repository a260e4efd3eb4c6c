package io.tocsin.api.alert;

import io.tocsin.api.security.CurrentPrincipal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Alerts raised through other API shapes than {@code POST /alerts} (the CyberPulse {@code POST
 * /security/alerts}): validated, audited and stored exactly like manual alerts, with their own
 * {@code source} and the values they are about as {@code group_key}.
 */
@Service
public class ExternalAlerts {

  /**
   * An alert to raise.
   *
   * @param source who raised it, e.g. {@code cyberpulse}
   * @param title required
   * @param description free text
   * @param severity {@code low|medium|high|critical} (any case), default {@code medium}
   * @param eventIds ids of related events of the tenant
   * @param tags free tags
   * @param hostId host the alert is about
   * @param groupKey what the alert is about (e.g. {@code network.source.ip}); shown as {@code
   *     group_key} and used to correlate alerts
   */
  public record NewAlert(
      String source,
      String title,
      String description,
      String severity,
      List<String> eventIds,
      List<String> tags,
      String hostId,
      Map<String, Object> groupKey) {}

  private final AlertTriage triage;
  private final AlertQueries queries;

  ExternalAlerts(AlertTriage triage, AlertQueries queries) {
    this.triage = triage;
    this.queries = queries;
  }

  /** Creates the alert; returns its detail view, as {@code GET /alerts/{id}} shows it. */
  public AlertBodies.AlertDetail create(CurrentPrincipal who, NewAlert alert) {
    AlertRequests.Create body =
        new AlertRequests.Create(
            alert.title(),
            alert.description(),
            alert.severity(),
            alert.eventIds(),
            alert.tags(),
            alert.hostId(),
            null);
    Alert created = triage.create(who, body, alert.source(), alert.groupKey());
    return queries.detail(who.tenantId(), created.id);
  }
}
