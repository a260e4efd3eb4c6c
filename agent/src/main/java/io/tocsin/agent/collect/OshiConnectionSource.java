package io.tocsin.agent.collect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.InternetProtocolStats.IPConnection;

/** Connections from OSHI's {@code InternetProtocolStats}; the owning pid may be -1. */
public final class OshiConnectionSource implements ConnectionSource {

  private final InternetProtocolStats stats;

  public OshiConnectionSource(InternetProtocolStats stats) {
    this.stats = stats;
  }

  @Override
  public List<ConnectionInfo> connections() {
    List<ConnectionInfo> out = new ArrayList<>();
    for (IPConnection c : stats.getConnections()) {
      out.add(
          new ConnectionInfo(
              c.getType(),
              ip(c.getLocalAddress()),
              c.getLocalPort(),
              ip(c.getForeignAddress()),
              c.getForeignPort(),
              c.getState() == null ? "" : c.getState().name().toLowerCase(Locale.ROOT),
              c.getowningProcessId()));
    }
    return out;
  }

  static String ip(byte[] raw) {
    if (raw == null || raw.length == 0) {
      return "";
    }
    try {
      return InetAddress.getByAddress(raw).getHostAddress();
    } catch (UnknownHostException e) {
      return "";
    }
  }
}
