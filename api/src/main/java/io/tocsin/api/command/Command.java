package io.tocsin.api.command;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A queued command for one host's agent. */
@Document(Command.COLLECTION)
@CompoundIndex(
    name = "tenant_host_status_created",
    def = "{'tenantId': 1, 'hostId': 1, 'status': 1, 'createdAt': 1}")
@CompoundIndex(name = "tenant_created", def = "{'tenantId': 1, 'createdAt': 1}")
public class Command {

  public static final String COLLECTION = "commands";

  public static final String PENDING = "pending";
  public static final String SENT = "sent";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String DRY_RUN = "dry_run";

  /**
   * Not answered within {@code tocsin.commands.expire-after}: never handed out again. Not final: a
   * late result from an agent that did run it still replaces it.
   */
  public static final String EXPIRED = "expired";

  @Id String id;
  String tenantId;
  String hostId;
  String alertId;
  String type;
  Map<String, Object> parameters = new LinkedHashMap<>();
  String status;
  boolean automatic;
  String createdBy;
  String createdByName;
  Instant createdAt;
  Instant sentAt;
  int deliveries;
  Instant completedAt;
  String completedBy;
  String message;
  Map<String, Object> details = new LinkedHashMap<>();

  Command() {}

  boolean isFinal() {
    return isFinal(status);
  }

  /**
   * Whether an agent reported this outcome ({@code expired} is not one: a late result may follow).
   */
  public static boolean isFinal(String status) {
    return SUCCEEDED.equals(status) || FAILED.equals(status) || DRY_RUN.equals(status);
  }

  /** The user-facing view: {@code GET /agents/{host}/commands} as seen by a user. */
  CommandViews.CommandView view() {
    return new CommandViews.CommandView(
        id,
        type,
        parameters == null ? Map.of() : parameters,
        status,
        hostId,
        alertId,
        automatic,
        createdBy,
        createdByName,
        createdAt,
        sentAt,
        deliveries,
        completedAt,
        message,
        details == null ? Map.of() : details);
  }

  /** What an agent gets: the agent only runs commands it sees as {@code pending}. */
  CommandViews.CommandView agentView() {
    return new CommandViews.CommandView(
        id,
        type,
        parameters == null ? Map.of() : parameters,
        PENDING,
        null,
        null,
        null,
        null,
        null,
        createdAt,
        null,
        null,
        null,
        null,
        null);
  }
}
