package io.tocsin.agent.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import oshi.SystemInfo;
import oshi.hardware.NetworkIF;
import oshi.software.os.OperatingSystem;

/** Detects {@link HostIdentity} with OSHI. */
public final class HostIdentities {

  private HostIdentities() {}

  /**
   * The host id is {@code override} when set, else the Linux {@code /etc/machine-id}, else the
   * hardware UUID, else a name-based UUID of the hostname.
   */
  public static HostIdentity detect(SystemInfo si, String override) {
    OperatingSystem os = si.getOperatingSystem();
    String hostname = os.getNetworkParams().getHostName();
    List<String> ips = new ArrayList<>();
    for (NetworkIF nif : si.getHardware().getNetworkIFs()) {
      for (String ip : nif.getIPv4addr()) {
        if (!ip.startsWith("127.")) {
          ips.add(ip);
        }
      }
    }
    for (NetworkIF nif : si.getHardware().getNetworkIFs()) {
      for (String ip : nif.getIPv6addr()) {
        if (!ip.equals("::1") && !ip.startsWith("fe80")) {
          ips.add(ip);
        }
      }
    }
    String id = override;
    if (id == null || id.isBlank()) {
      id = machineId();
    }
    if (id == null || id.isBlank()) {
      String uuid = si.getHardware().getComputerSystem().getHardwareUUID();
      id = uuid == null || uuid.isBlank() || uuid.equalsIgnoreCase("unknown") ? null : uuid;
    }
    if (id == null) {
      id = UUID.nameUUIDFromBytes(hostname.getBytes(StandardCharsets.UTF_8)).toString();
    }
    return new HostIdentity(
        id,
        hostname,
        ips,
        os.getFamily(),
        os.getVersionInfo().getVersion(),
        System.getProperty("os.arch"));
  }

  private static String machineId() {
    for (String p : List.of("/etc/machine-id", "/var/lib/dbus/machine-id")) {
      try {
        String v = Files.readString(Path.of(p)).trim();
        if (!v.isEmpty()) {
          return v;
        }
      } catch (IOException e) {
        // try the next one
      }
    }
    return null;
  }
}
