package io.tocsin.agent.respond;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * The nftables ruleset that isolates the host: its own table {@code inet tocsin_isolation} whose
 * chains drop everything except loopback, TCP traffic to and from the Tocsin server's addresses and
 * port, and DNS to the host's resolvers. Applying it replaces any earlier version atomically (the
 * table is created, deleted and re-created in one {@code nft -f} transaction); release deletes the
 * table.
 */
public final class NftRuleset {

  public static final String TABLE = "tocsin_isolation";

  private NftRuleset() {}

  /**
   * The ruleset text for {@code nft -f -}.
   *
   * @param dnsServers resolvers kept reachable on port 53 (TCP and UDP), so the agent can still
   *     resolve the server's name and be released remotely
   */
  public static String isolate(
      List<InetAddress> serverAddresses, int serverPort, List<InetAddress> dnsServers) {
    StringBuilder allowOut = new StringBuilder();
    StringBuilder allowIn = new StringBuilder();
    for (InetAddress a : dnsServers) {
      if (a.isLoopbackAddress()) {
        continue; // loopback is always allowed
      }
      String family = a instanceof Inet6Address ? "ip6" : "ip";
      String ip = a.getHostAddress().replaceAll("%.*$", "");
      for (String proto : List.of("udp", "tcp")) {
        allowOut.append("    %s daddr %s %s dport 53 accept%n".formatted(family, ip, proto));
        allowIn.append(
            "    %s saddr %s %s sport 53 ct state established accept%n"
                .formatted(family, ip, proto));
      }
    }
    for (InetAddress a : serverAddresses) {
      String family = a instanceof Inet6Address ? "ip6" : "ip";
      String ip = a.getHostAddress().replaceAll("%.*$", "");
      allowOut
          .append("    ")
          .append(family)
          .append(" daddr ")
          .append(ip)
          .append(" tcp dport ")
          .append(serverPort)
          .append(" accept\n");
      allowIn
          .append("    ")
          .append(family)
          .append(" saddr ")
          .append(ip)
          .append(" tcp sport ")
          .append(serverPort)
          .append(" ct state established accept\n");
    }
    return "table inet "
        + TABLE
        + " {}\n"
        + "delete table inet "
        + TABLE
        + "\n"
        + "table inet "
        + TABLE
        + " {\n"
        + "  chain input {\n"
        + "    type filter hook input priority -100; policy drop;\n"
        + "    iif \"lo\" accept\n"
        + allowIn
        + "  }\n"
        + "  chain forward {\n"
        + "    type filter hook forward priority -100; policy drop;\n"
        + "  }\n"
        + "  chain output {\n"
        + "    type filter hook output priority -100; policy drop;\n"
        + "    oif \"lo\" accept\n"
        + allowOut
        + "  }\n"
        + "}\n";
  }

  /** The command that lifts isolation. */
  public static List<String> releaseCommand() {
    return List.of("nft", "delete", "table", "inet", TABLE);
  }

  /** The command that applies a ruleset read from stdin. */
  public static List<String> applyCommand() {
    return List.of("nft", "-f", "-");
  }
}
