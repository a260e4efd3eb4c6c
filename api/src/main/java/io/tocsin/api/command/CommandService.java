package io.tocsin.api.command;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The command queue. Hand-out is an atomic pending→sent per command (findAndModify), so two polls
 * never both get a command; a command sent but never answered is handed out again after {@code
 * tocsin.commands.redeliver-after} (the agent remembers what it ran and does not run it twice).
 */
@Service
public class CommandService {

  static final int MAX_PER_POLL = 100;
  private static final int MAX_EXPIRED_PER_RUN = 10_000;
  private static final String SERVER = "server";
  private static final int MAX_MESSAGE = 4000;

  /**
   * A command to queue.
   *
   * @param id command id (deterministic for automatic actions, so re-recording queues nothing)
   * @param tenantId tenant
   * @param hostId host whose agent runs it
   * @param alertId alert it belongs to
   * @param type action
   * @param parameters parameters for the agent
   * @param automatic queued by a policy rule
   * @param userId requesting user, null for automatic
   * @param username requesting user's name, {@code policy} for automatic
   */
  public record NewCommand(
      String id,
      String tenantId,
      String hostId,
      String alertId,
      ActionType type,
      Map<String, Object> parameters,
      boolean automatic,
      String userId,
      String username) {}

  private final MongoTemplate mongo;
  private final ApplicationEventPublisher events;
  private final AgentPresence presence;
  private final Clock clock;
  private final Duration redeliverAfter;
  private final Duration expireAfter;

  CommandService(
      MongoTemplate mongo,
      ApplicationEventPublisher events,
      AgentPresence presence,
      Clock clock,
      @Value("${tocsin.commands.redeliver-after:5m}") Duration redeliverAfter,
      @Value("${tocsin.commands.expire-after:24h}") Duration expireAfter) {
    this.mongo = mongo;
    this.events = events;
    this.presence = presence;
    this.clock = clock;
    this.redeliverAfter = redeliverAfter;
    this.expireAfter = expireAfter;
  }

  /** A fresh random command id. */
  public static String newId() {
    return "cmd_" + UUID.randomUUID().toString().replace("-", "");
  }

  /** Queues the command; a command with the same id already queued is left as it is. */
  public void queue(NewCommand request) {
    Command c = new Command();
    c.id = request.id();
    c.tenantId = request.tenantId();
    c.hostId = request.hostId();
    c.alertId = request.alertId();
    c.type = request.type().wireName();
    c.parameters = new LinkedHashMap<>(request.parameters());
    c.status = Command.PENDING;
    c.automatic = request.automatic();
    c.createdBy = request.userId();
    c.createdByName = request.username();
    c.createdAt = now();
    try {
      mongo.insert(c);
    } catch (DuplicateKeyException e) {
      // idempotent: the same automatic action recorded twice
    }
  }

  /** An agent's poll: hands out pending (and stale sent) commands, marking them sent. */
  List<CommandViews.CommandView> fetchForAgent(String tenantId, String hostId, String agentName) {
    Instant now = now();
    presence.polled(tenantId, hostId, agentName, now);
    expire(where("tenantId").is(tenantId).and("hostId").is(hostId), now);
    Criteria due =
        new Criteria()
            .orOperator(
                where("status").is(Command.PENDING),
                where("status").is(Command.SENT).and("sentAt").lt(now.minus(redeliverAfter)));
    Query query =
        Query.query(
                where("tenantId")
                    .is(tenantId)
                    .and("hostId")
                    .is(hostId)
                    .and("createdAt")
                    .gte(now.minus(expireAfter))
                    .andOperator(due))
            .with(Sort.by("createdAt", "_id"));
    Update sent = new Update().set("status", Command.SENT).set("sentAt", now).inc("deliveries", 1);
    List<CommandViews.CommandView> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (out.size() < MAX_PER_POLL) {
      Command c =
          mongo.findAndModify(
              query, sent, FindAndModifyOptions.options().returnNew(true), Command.class);
      if (c == null || !seen.add(c.id)) {
        break;
      }
      out.add(c.agentView());
      events.publishEvent(
          new CommandStateChanged(
              tenantId, c.id, c.alertId, Command.SENT, null, null, agentName, now));
    }
    return out;
  }

  /**
   * Marks every pending or sent command older than {@code tocsin.commands.expire-after} (as of
   * {@code now}) {@code expired}, mirrored onto its alert action: an {@code isolate_host} queued
   * for a host that was offline for days must not run when it comes back.
   *
   * @return how many expired
   */
  public int expireStale(Instant now) {
    return expire(null, now);
  }

  /** {@code scope}: which commands to look at (a tenant's host), or null for all. */
  private int expire(Criteria scope, Instant now) {
    Query stale =
        Query.query(
            (scope == null ? where("status") : scope.and("status"))
                .in(Command.PENDING, Command.SENT)
                .and("createdAt")
                .lt(now.minus(expireAfter)));
    String message = "expired: no result within " + expireAfter;
    Update expired =
        new Update()
            .set("status", Command.EXPIRED)
            .set("message", message)
            .set("completedAt", now)
            .set("completedBy", SERVER);
    int count = 0;
    Command c;
    while (count < MAX_EXPIRED_PER_RUN
        && (c =
                mongo.findAndModify(
                    stale, expired, FindAndModifyOptions.options().returnNew(true), Command.class))
            != null) {
      count++;
      events.publishEvent(
          new CommandStateChanged(
              c.tenantId, c.id, c.alertId, Command.EXPIRED, message, Map.of(), SERVER, now));
    }
    return count;
  }

  /** A user's look at a page of a host's commands, newest first; changes nothing. */
  CommandViews.CommandList list(String tenantId, String hostId, String status, Paging paging) {
    Criteria filter = where("tenantId").is(tenantId).and("hostId").is(hostId);
    if (status != null) {
      filter = filter.and("status").is(status);
    }
    long total = mongo.count(Query.query(filter), Command.class);
    Query query =
        Query.query(filter)
            .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
            .skip(paging.offset())
            .limit(paging.limit());
    List<CommandViews.CommandView> page =
        mongo.find(query, Command.class).stream().map(Command::view).toList();
    return new CommandViews.CommandList(page, hostId, PageInfo.of(paging, total, page.size()));
  }

  /** Records an agent's result; re-posting a result for a finished command changes nothing. */
  CommandViews.CommandView result(
      String tenantId,
      String hostId,
      String id,
      String status,
      String message,
      Map<String, Object> details,
      String agentName) {
    Query mine =
        Query.query(where("_id").is(id).and("tenantId").is(tenantId).and("hostId").is(hostId));
    Command existing = mongo.findOne(mine, Command.class);
    if (existing == null) {
      throw ApiException.notFound("Command");
    }
    if (existing.isFinal()) {
      return existing.view();
    }
    Instant now = now();
    String text =
        message == null ? null : message.substring(0, Math.min(MAX_MESSAGE, message.length()));
    Map<String, Object> det = details == null ? Map.of() : details;
    Query open =
        Query.query(
            where("_id")
                .is(id)
                .and("tenantId")
                .is(tenantId)
                .and("status")
                .in(Command.PENDING, Command.SENT, Command.EXPIRED));
    Update done =
        new Update()
            .set("status", status)
            .set("message", text)
            .set("details", det)
            .set("completedAt", now)
            .set("completedBy", agentName);
    Command updated =
        mongo.findAndModify(
            open, done, FindAndModifyOptions.options().returnNew(true), Command.class);
    if (updated == null) {
      return mongo.findOne(mine, Command.class).view();
    }
    events.publishEvent(
        new CommandStateChanged(tenantId, id, updated.alertId, status, text, det, agentName, now));
    return updated.view();
  }

  /** Deletes the tenant's finished commands created before {@code cutoff}; used by retention. */
  public long deleteFinishedBefore(String tenantId, Instant cutoff) {
    Query old =
        Query.query(
            where("tenantId")
                .is(tenantId)
                .and("createdAt")
                .lt(cutoff)
                .and("status")
                .in(Command.SUCCEEDED, Command.FAILED, Command.DRY_RUN, Command.EXPIRED));
    return mongo.remove(old, Command.class).getDeletedCount();
  }

  /**
   * Now, at the store's precision (milliseconds), so what listeners see equals what is read back.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
