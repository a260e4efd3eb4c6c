package io.tocsin.agent.collect;

/**
 * One socket from the connection table.
 *
 * @param protocol {@code tcp4}, {@code tcp6}, {@code udp4}, {@code udp6}
 * @param pid owning process, or -1 when unknown (OSHI cannot always tell)
 */
public record ConnectionInfo(
    String protocol,
    String localIp,
    int localPort,
    String remoteIp,
    int remotePort,
    String state,
    long pid) {

  /** Identity across scans (the owning pid is part of it: a new owner is a new connection). */
  public String key() {
    return protocol
        + "|"
        + localIp
        + ":"
        + localPort
        + "|"
        + remoteIp
        + ":"
        + remotePort
        + "|"
        + pid;
  }
}
