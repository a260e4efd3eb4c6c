package io.tocsin.agent.collect;

import java.util.List;

/** Facts about this host stamped on every event. */
public record HostIdentity(
    String hostId,
    String hostname,
    List<String> ips,
    String osFamily,
    String osVersion,
    String architecture) {

  public HostIdentity {
    ips = List.copyOf(ips);
  }

  /** The first non-loopback address, or null. */
  public String primaryIp() {
    return ips.isEmpty() ? null : ips.get(0);
  }
}
