package io.tocsin.api.scan;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.command.ActionType;
import io.tocsin.api.command.Command;
import io.tocsin.api.command.CommandService;
import io.tocsin.api.command.CommandStateChanged;
import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import io.tocsin.api.inventory.HostDirectory;
import io.tocsin.api.security.CurrentPrincipal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * Queues scans as {@code security_scan} commands and follows their command's state: the agent's
 * result (its {@code details}) becomes the scan's results, from which {@link ScanFindings} derives
 * the findings.
 */
@Service
class ScanService {

  static final int MAX_WAITING_PER_HOST = 3;

  private final MongoTemplate mongo;
  private final CommandService commands;
  private final HostDirectory hosts;
  private final Clock clock;

  ScanService(MongoTemplate mongo, CommandService commands, HostDirectory hosts, Clock clock) {
    this.mongo = mongo;
    this.commands = commands;
    this.hosts = hosts;
    this.clock = clock;
  }

  Scan request(CurrentPrincipal who, String target, List<String> checks) {
    if (target == null || target.isBlank()) {
      throw ScanChecks.invalid("target", "is required: a host id, hostname or IP of a known host");
    }
    String hostId =
        hosts
            .resolve(who.tenantId(), target)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.NOT_FOUND,
                        "target [" + target.trim() + "] is not a known host of this tenant",
                        Map.of("field", "target", "reason", "unknown host"),
                        HttpHeaders.EMPTY));
    long waiting =
        mongo.count(
            Query.query(
                where("tenantId")
                    .is(who.tenantId())
                    .and("hostId")
                    .is(hostId)
                    .and("status")
                    .in(Scan.QUEUED, Scan.SENT)),
            Scan.class);
    if (waiting >= MAX_WAITING_PER_HOST) {
      // an agent runs commands one after another: more scans would only delay its response actions
      throw ApiException.conflict(
          "host " + hostId + " already has " + waiting + " scans waiting; retry when one finishes");
    }
    Scan s = new Scan();
    s.id = "scan_" + UUID.randomUUID().toString().replace("-", "");
    s.tenantId = who.tenantId();
    s.target = target.trim();
    s.hostId = hostId;
    s.checks = List.copyOf(checks);
    s.status = Scan.QUEUED;
    s.requestedBy = who.userId();
    s.requestedByName = who.username();
    s.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    mongo.insert(s);
    commands.queue(
        new CommandService.NewCommand(
            s.id,
            s.tenantId,
            hostId,
            null,
            ActionType.SECURITY_SCAN,
            Map.of("scan_id", s.id, "checks", s.checks),
            false,
            who.userId(),
            who.username()));
    return s;
  }

  Scan get(String tenantId, String id) {
    Scan s = mongo.findOne(mine(tenantId, id), Scan.class);
    if (s == null) {
      throw ApiException.notFound("Scan " + id);
    }
    return s;
  }

  /** Mirrors the scan's command onto the scan; other commands are not scans and are ignored. */
  @EventListener
  void onCommandState(CommandStateChanged e) {
    if (e.alertId() != null || e.commandId() == null || !e.commandId().startsWith("scan_")) {
      return;
    }
    Update update = new Update().set("message", e.message());
    switch (e.status()) {
      case Command.SENT -> update.set("status", Scan.SENT).set("sentAt", e.at());
      case Command.EXPIRED -> update.set("status", Scan.EXPIRED).set("completedAt", e.at());
      case Command.FAILED -> update.set("status", Scan.FAILED).set("completedAt", e.at());
      case Command.SUCCEEDED, Command.DRY_RUN -> {
        Map<String, Object> results = e.details() == null ? Map.of() : e.details();
        update
            .set("status", Scan.COMPLETED)
            .set("completedAt", e.at())
            .set("results", results)
            .set("findings", ScanFindings.of(results));
      }
      default -> {
        return;
      }
    }
    mongo.updateFirst(mine(e.tenantId(), e.commandId()), update, Scan.class);
  }

  private static Query mine(String tenantId, String id) {
    return Query.query(where("_id").is(id).and("tenantId").is(tenantId));
  }
}
