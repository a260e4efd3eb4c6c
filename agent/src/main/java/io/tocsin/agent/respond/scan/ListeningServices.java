package io.tocsin.agent.respond.scan;

import io.tocsin.agent.collect.ConnectionInfo;
import io.tocsin.agent.collect.ConnectionSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listening sockets from the agent's connection table: TCP sockets in {@code listen} and
 * unconnected UDP sockets, one entry per protocol, address and port, with the owning process where
 * known.
 */
final class ListeningServices {

  /**
   * A listening socket.
   *
   * @param protocol {@code tcp} or {@code udp}
   * @param family {@code 4} or {@code 6}
   * @param address the bound address ({@code 0.0.0.0} / {@code ::} for all)
   * @param pid owning process, -1 when unknown
   * @param process the owning process's executable name, or null
   */
  record Service(
      String protocol, String family, String address, int port, long pid, String process) {

    boolean tcp() {
      return "tcp".equals(protocol);
    }

    /** Whether a connection to the host's own loopback reaches it. */
    boolean onLoopback() {
      return address.equals("0.0.0.0")
          || address.equals("::")
          || address.equals("0:0:0:0:0:0:0:0")
          || address.startsWith("127.")
          || address.equals("::1")
          || address.equals("0:0:0:0:0:0:0:1");
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("port", port);
      m.put("protocol", protocol);
      m.put("family", "ipv" + family);
      m.put("address", address);
      m.put("pid", pid);
      m.put("process", process);
      return m;
    }
  }

  private final ConnectionSource connections;
  private final int max;

  ListeningServices(ConnectionSource connections, int max) {
    this.connections = connections;
    this.max = max;
  }

  /** The listening services, by port, at most {@code max}. */
  List<Service> list() {
    Map<String, Service> unique = new LinkedHashMap<>();
    for (ConnectionInfo c : connections.connections()) {
      String proto = c.protocol() == null ? "" : c.protocol();
      boolean tcpListen = proto.startsWith("tcp") && "listen".equals(c.state());
      boolean udpBound = proto.startsWith("udp") && c.remotePort() == 0 && c.localPort() > 0;
      if (!tcpListen && !udpBound) {
        continue;
      }
      Service s =
          new Service(
              proto.substring(0, 3),
              proto.length() > 3 ? proto.substring(3) : "4",
              c.localIp(),
              c.localPort(),
              c.pid(),
              processName(c.pid()));
      unique.merge(
          s.protocol() + "|" + s.address() + "|" + s.port(), s, (a, b) -> a.pid() >= 0 ? a : b);
    }
    List<Service> out = new ArrayList<>(unique.values());
    out.sort(Comparator.comparingInt(Service::port).thenComparing(Service::protocol));
    return out.size() > max ? new ArrayList<>(out.subList(0, max)) : out;
  }

  private static String processName(long pid) {
    if (pid < 0) {
      return null;
    }
    return ProcessHandle.of(pid)
        .flatMap(h -> h.info().command())
        .map(cmd -> Path.of(cmd).getFileName().toString())
        .orElse(null);
  }
}
