package io.tocsin.agent.respond.scan;

import io.tocsin.agent.collect.ConnectionSource;
import io.tocsin.agent.respond.Command;
import io.tocsin.agent.respond.CommandResult;
import io.tocsin.agent.respond.ResponseAction;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code security_scan {"checks": ["services", "tls", "packages"]}}: reports the host's listening
 * services, the TLS versions each loopback-reachable TCP listener offers, and the installed
 * packages. TLS probing stops at {@code maxTlsPorts} ports or after {@code tlsBudget}, whichever
 * comes first; the result says which ports were skipped.
 */
public final class SecurityScanAction implements ResponseAction {

  private static final Logger LOG = LoggerFactory.getLogger(SecurityScanAction.class);
  static final int MAX_SERVICES = 256;
  static final int MAX_TLS_PORTS = 32;
  static final int MAX_PACKAGES = 5000;

  private final ListeningServices services;
  private final TlsProbe tls4;
  private final TlsProbe tls6;
  private final PackageInventory packages;
  private final int maxTlsPorts;
  private final Duration tlsBudget;
  private final Clock clock;

  SecurityScanAction(
      ListeningServices services,
      Duration tlsTimeout,
      PackageInventory packages,
      int maxTlsPorts,
      Duration tlsBudget,
      Clock clock) {
    this.services = services;
    this.tls4 = new TlsProbe(InetAddress.getLoopbackAddress(), tlsTimeout);
    this.tls6 = new TlsProbe(ipv6Loopback(), tlsTimeout);
    this.packages = packages;
    this.maxTlsPorts = maxTlsPorts;
    this.tlsBudget = tlsBudget;
    this.clock = clock;
  }

  /** The agent's scan of its own host, with production bounds. */
  public static SecurityScanAction system(ConnectionSource connections, Clock clock) {
    return new SecurityScanAction(
        new ListeningServices(connections, MAX_SERVICES),
        Duration.ofSeconds(1),
        PackageInventory.system(MAX_PACKAGES),
        MAX_TLS_PORTS,
        Duration.ofSeconds(60),
        clock);
  }

  @Override
  public String type() {
    return "security_scan";
  }

  @Override
  public CommandResult execute(Command command) {
    List<String> checks = checks(command.parameters().get("checks"));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("checks", checks);
    details.put("started_at", clock.instant().toString());
    List<String> errors = new ArrayList<>();
    List<ListeningServices.Service> listening = List.of();
    if (checks.contains("services") || checks.contains("tls")) {
      listening = services.list();
      details.put("services", listening.stream().map(ListeningServices.Service::toJson).toList());
    }
    if (checks.contains("tls")) {
      details.put("tls", tls(listening, details));
    }
    if (checks.contains("packages")) {
      try {
        details.put("packages", packages.collect());
      } catch (IOException e) {
        errors.add("packages: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        errors.add("packages: interrupted");
      }
    }
    details.put("finished_at", clock.instant().toString());
    details.put("errors", errors);
    LOG.info("security scan {} done: checks={} errors={}", command.id(), checks, errors.size());
    return CommandResult.succeeded("scanned " + String.join(", ", checks), details);
  }

  private List<Map<String, Object>> tls(
      List<ListeningServices.Service> listening, Map<String, Object> details) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<Integer> skipped = new ArrayList<>();
    List<Integer> seen = new ArrayList<>();
    Instant deadline = clock.instant().plus(tlsBudget);
    for (ListeningServices.Service s : listening) {
      if (!s.tcp() || !s.onLoopback() || seen.contains(s.port())) {
        continue;
      }
      seen.add(s.port());
      if (out.size() >= maxTlsPorts || clock.instant().isAfter(deadline)) {
        skipped.add(s.port());
        continue;
      }
      // a listener bound to ::1 alone is not reachable on 127.0.0.1; "::" usually is (dual stack)
      out.add((isV6Loopback(s.address()) ? tls6 : tls4).probe(s.port()));
    }
    details.put("tls_skipped_ports", skipped);
    return out;
  }

  private static boolean isV6Loopback(String address) {
    return address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
  }

  private static List<String> checks(Object given) {
    if (given instanceof List<?> list && !list.isEmpty()) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of("services", "tls", "packages");
  }

  private static InetAddress ipv6Loopback() {
    try {
      return InetAddress.getByName("::1");
    } catch (IOException e) {
      return InetAddress.getLoopbackAddress();
    }
  }
}
