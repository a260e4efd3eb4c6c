package io.tocsin.api.event;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.event.EventView.EventAgent;
import io.tocsin.api.event.EventView.EventAuth;
import io.tocsin.api.event.EventView.EventFile;
import io.tocsin.api.event.EventView.EventHost;
import io.tocsin.api.event.EventView.EventInfo;
import io.tocsin.api.event.EventView.EventNetwork;
import io.tocsin.api.event.EventView.EventOs;
import io.tocsin.api.event.EventView.EventProcess;
import io.tocsin.api.event.EventView.EventUser;
import java.util.List;
import java.util.Map;

/**
 * The documents {@code POST /events} accepts, for the OpenAPI document only: ingest reads the body
 * raw (one event or an array, each item in any shape, refused by index) and {@code
 * io.tocsin.model.ingest.InputShape} recognises each item's shape by its keys.
 */
final class EventInputs {

  private EventInputs() {}

  /** One event in any accepted shape. */
  @Schema(
      name = "EventInput",
      description = "One event in any accepted shape, recognised by its keys",
      oneOf = {
        CanonicalEventInput.class,
        InsecEventInput.class,
        OsPulseEventInput.class,
        SecurityEventInput.class
      })
  interface EventInput {}

  /** An array of events, each in any shape (at most {@code TOCSIN_INGEST_MAX_BATCH_SIZE}). */
  @ArraySchema(
      arraySchema =
          @Schema(
              name = "EventInputBatch",
              description =
                  "Events in any accepted shapes; at most TOCSIN_INGEST_MAX_BATCH_SIZE (10,000)"),
      schema = @Schema(implementation = EventInput.class))
  interface EventInputBatch {}

  /**
   * The canonical event (DESIGN §3): nested objects and/or dotted keys as in the field catalog;
   * also Windows (Winlogbeat, Sysmon, XML-as-JSON) and ECS documents (docs/sigma.md).
   *
   * @param id event id (idempotency key within the tenant and host)
   * @param ts ISO-8601 or epoch milliseconds
   * @param tenantId ignored: the tenant comes from the credentials
   * @param hostId host; a host-bound key stamps its own
   * @param host {@code host.*}
   * @param user {@code user.*}
   * @param event {@code event.*}
   * @param process {@code process.*}
   * @param file {@code file.*}
   * @param network {@code network.*}
   * @param auth {@code auth.*}
   * @param labels labels
   * @param riskHints risk hints
   * @param agent {@code agent.*}
   * @param severity any case, stored in lower case
   * @param payload free-form fields
   */
  @Schema(name = "CanonicalEventInput")
  record CanonicalEventInput(
      String id,
      String ts,
      String tenantId,
      String hostId,
      EventHost host,
      EventUser user,
      EventInfo event,
      EventProcess process,
      EventFile file,
      EventNetwork network,
      EventAuth auth,
      List<String> labels,
      List<String> riskHints,
      EventAgent agent,
      String severity,
      @Schema(description = "The sender's own fields; other unknown fields are moved here too")
          Map<String, Object> payload)
      implements EventInput {}

  /**
   * The INSEC reference's event: {@code proc} becomes {@code process}, {@code os} {@code host.os}.
   *
   * @param ts ISO-8601 event time
   * @param tenantId ignored: the tenant comes from the credentials
   * @param hostId host
   * @param user {@code user.*}
   * @param os becomes {@code host.os}
   * @param event {@code event.*}; {@code event.id} is the idempotency key
   * @param proc becomes {@code process}
   * @param labels labels
   * @param riskHints risk hints
   * @param agent {@code agent.*}
   */
  @Schema(name = "InsecEventInput")
  record InsecEventInput(
      String ts,
      String tenantId,
      String hostId,
      EventUser user,
      EventOs os,
      EventInfo event,
      InsecProcessInput proc,
      List<String> labels,
      List<String> riskHints,
      EventAgent agent)
      implements EventInput {}

  /**
   * INSEC {@code proc}.
   *
   * @param name program name
   * @param cmd argv
   * @param pid process id
   * @param ppid parent process id
   * @param hash executable hash
   */
  @Schema(name = "InsecProcessInput")
  record InsecProcessInput(String name, List<String> cmd, Long pid, Long ppid, String hash) {}

  /**
   * The OS-Pulse integration guide's event (docs/api-events.md#os-pulse-events).
   *
   * @param type {@code file_operation} or {@code process_creation}
   * @param operation file operation, e.g. {@code create}
   * @param data the event's data
   * @param metadata the reporting process and session
   */
  @Schema(name = "OsPulseEventInput")
  record OsPulseEventInput(
      @Schema(allowableValues = {"file_operation", "process_creation"}) String type,
      String operation,
      @Schema(
              description =
                  "OS-Pulse data, camelCase as the guide sends it: filePath, fileSize (file_operation),"
                      + " commandLine, processId (process_creation), timestamp (event time)")
          Map<String, Object> data,
      @Schema(
              description =
                  "OS-Pulse metadata, camelCase: sessionId, processName and processId of the"
                      + " reporting process")
          Map<String, Object> metadata)
      implements EventInput {}

  /**
   * The CyberPulse security event (also {@code POST /security/events}).
   *
   * @param sourceIp becomes {@code network.source.ip}
   * @param destinationIp becomes {@code network.destination.ip}
   * @param port becomes {@code network.destination.port}
   * @param protocol becomes {@code network.protocol}
   * @param eventType becomes {@code event.action}
   * @param severity any case
   * @param timestamp optional event time
   * @param payload free-form fields
   */
  @Schema(name = "SecurityEventInput")
  record SecurityEventInput(
      String sourceIp,
      String destinationIp,
      Integer port,
      String protocol,
      String eventType,
      String severity,
      String timestamp,
      @Schema(description = "The sender's own fields, kept as payload.*")
          Map<String, Object> payload)
      implements EventInput {}
}
