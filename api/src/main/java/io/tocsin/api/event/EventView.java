package io.tocsin.api.event;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event as {@code GET /events}, {@code GET /events/{id}} and search results show it: the nested
 * canonical event (DESIGN §3; every group is typed after the field catalog) with the INSEC
 * reference's fields beside it. Absent fields are left out.
 *
 * @param id event id
 * @param ts event time
 * @param tenantId tenant
 * @param hostId host
 * @param host {@code host.*}
 * @param user {@code user.*}
 * @param event {@code event.*}
 * @param process {@code process.*}
 * @param file {@code file.*}
 * @param network {@code network.*}
 * @param auth {@code auth.*}
 * @param labels labels as sent
 * @param riskHints risk hints as sent
 * @param agent {@code agent.*} as sent
 * @param severity lower case
 * @param payload everything the catalog does not name
 * @param timestamp INSEC: {@code ts}
 * @param eventType INSEC: {@code event.type}
 * @param userId INSEC: {@code user.id}
 * @param data INSEC: the event without its envelope
 * @param riskScore INSEC: 0–1, the sender's own score, else a severity or risk-hint baseline
 * @param metadata INSEC metadata, and ingest metadata in the detail view
 */
public record EventView(
    String id,
    Instant ts,
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
    @Schema(description = "The sender's fields the canonical event does not name, nested as sent")
        Map<String, Object> payload,
    Instant timestamp,
    String eventType,
    String userId,
    EventData data,
    double riskScore,
    EventMetadata metadata) {

  /**
   * {@code host.*}.
   *
   * @param name host name
   * @param ip host address
   * @param os operating system
   */
  public record EventHost(String name, String ip, EventOs os) {}

  /**
   * {@code host.os.*}.
   *
   * @param family e.g. {@code linux}
   * @param version version
   */
  public record EventOs(String family, String version) {}

  /**
   * {@code user.*}.
   *
   * @param id user id
   * @param name user name
   * @param email e-mail
   * @param dept department
   */
  public record EventUser(String id, String name, String email, String dept) {}

  /**
   * {@code event.*}.
   *
   * @param type {@code process|file|network|auth|user|system}
   * @param action e.g. {@code start}
   * @param id the sender's id
   */
  public record EventInfo(String type, String action, String id) {}

  /**
   * {@code process.*}.
   *
   * @param name program name
   * @param pid process id
   * @param ppid parent process id
   * @param exe executable path
   * @param cmd argv
   * @param commandLine command line
   * @param hash executable hash
   * @param user user running it
   * @param parent the parent process
   */
  public record EventProcess(
      String name,
      Long pid,
      Long ppid,
      String exe,
      List<String> cmd,
      String commandLine,
      String hash,
      String user,
      EventParentProcess parent) {}

  /**
   * {@code process.parent.*}.
   *
   * @param name program name
   * @param pid process id
   * @param exe executable path
   */
  public record EventParentProcess(String name, Long pid, String exe) {}

  /**
   * {@code file.*}.
   *
   * @param path path
   * @param name file name
   * @param size bytes
   * @param operation e.g. {@code write}
   * @param destination where it went
   * @param hash content hash
   * @param bytes bytes moved
   */
  public record EventFile(
      String path,
      String name,
      Long size,
      String operation,
      String destination,
      String hash,
      Long bytes) {}

  /**
   * {@code network.*}.
   *
   * @param source source endpoint
   * @param destination destination endpoint
   * @param protocol e.g. {@code tcp}
   * @param bytes bytes moved
   */
  public record EventNetwork(
      EventNetworkSource source,
      EventNetworkDestination destination,
      String protocol,
      Long bytes) {}

  /**
   * {@code network.source.*}.
   *
   * @param ip address
   * @param port port
   */
  public record EventNetworkSource(String ip, Long port) {}

  /**
   * {@code network.destination.*}.
   *
   * @param ip address
   * @param port port
   * @param domain domain name
   */
  public record EventNetworkDestination(String ip, Long port, String domain) {}

  /**
   * {@code auth.*}.
   *
   * @param result e.g. {@code failure}
   * @param method e.g. {@code password}
   */
  public record EventAuth(String result, String method) {}

  /**
   * {@code agent.*}.
   *
   * @param ver agent version
   * @param mode agent mode
   */
  public record EventAgent(String ver, String mode) {}

  /**
   * INSEC {@code data}: the event without its envelope.
   *
   * @param process {@code process.*}
   * @param file {@code file.*}
   * @param network {@code network.*}
   * @param auth {@code auth.*}
   * @param payload the sender's other fields
   */
  public record EventData(
      EventProcess process,
      EventFile file,
      EventNetwork network,
      EventAuth auth,
      @Schema(description = "The sender's fields the canonical event does not name, nested as sent")
          Map<String, Object> payload) {}

  /**
   * INSEC {@code metadata}; the ingest fields are in {@code GET /events/{id}} only.
   *
   * @param riskScore same as the event's {@code risk_score}
   * @param correlationId the sender's correlation id, else the OS-Pulse session id
   * @param labels {@code labels}, empty when absent
   * @param riskHints {@code risk_hints}, empty when absent
   * @param ingestedAt detail only: when the server stored it
   * @param sourceShape detail only: the input shape ({@code canonical}, {@code insec}, ...)
   * @param evaluated detail only: whether its detections are recorded yet
   * @param tenantId detail only: tenant
   */
  public record EventMetadata(
      double riskScore,
      @Schema(description = "The sender's correlation or session id, as sent (usually a string)")
          Object correlationId,
      List<String> labels,
      List<String> riskHints,
      Instant ingestedAt,
      String sourceShape,
      Boolean evaluated,
      String tenantId) {}
}
