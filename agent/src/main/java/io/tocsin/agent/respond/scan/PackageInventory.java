package io.tocsin.agent.respond.scan;

import io.tocsin.agent.respond.CommandRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installed packages: the dpkg status file when present (read directly: no process, no locks), else
 * {@code rpm -qa} when an rpm database exists. At most {@code max} packages are listed; {@code
 * count} is always the full number.
 */
final class PackageInventory {

  private final Path dpkgStatus;
  private final Path rpmDatabase;
  private final CommandRunner runner;
  private final int max;

  PackageInventory(Path dpkgStatus, Path rpmDatabase, CommandRunner runner, int max) {
    this.dpkgStatus = dpkgStatus;
    this.rpmDatabase = rpmDatabase;
    this.runner = runner;
    this.max = max;
  }

  static PackageInventory system(int max) {
    return new PackageInventory(
        Path.of("/var/lib/dpkg/status"), Path.of("/var/lib/rpm"), CommandRunner.SYSTEM, max);
  }

  /** {@code {source, count, truncated, items[{name, version, arch}]}}. */
  Map<String, Object> collect() throws IOException, InterruptedException {
    List<Map<String, Object>> all;
    String source;
    if (Files.isReadable(dpkgStatus)) {
      source = "dpkg";
      all = dpkg(dpkgStatus);
    } else if (Files.isDirectory(rpmDatabase)) {
      source = "rpm";
      all = rpm();
    } else {
      source = "none";
      all = List.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", source);
    out.put("count", all.size());
    out.put("truncated", all.size() > max);
    out.put("items", all.size() > max ? all.subList(0, max) : all);
    return out;
  }

  /** Stanzas of the status file whose {@code Status} ends in {@code installed}. */
  static List<Map<String, Object>> dpkg(Path status) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, String> stanza = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(status, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          addInstalled(stanza, out);
          stanza.clear();
        } else if (!Character.isWhitespace(line.charAt(0)) && line.indexOf(':') > 0) {
          int colon = line.indexOf(':');
          stanza.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
      }
    }
    addInstalled(stanza, out);
    return out;
  }

  private static void addInstalled(Map<String, String> stanza, List<Map<String, Object>> out) {
    String status = stanza.getOrDefault("Status", "");
    if (stanza.containsKey("Package") && status.endsWith(" installed")) {
      out.add(item(stanza.get("Package"), stanza.get("Version"), stanza.get("Architecture")));
    }
  }

  private List<Map<String, Object>> rpm() throws IOException, InterruptedException {
    CommandRunner.Result r =
        runner.run(
            List.of("rpm", "-qa", "--qf", "%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{ARCH}\\n"), null);
    if (r.exitCode() != 0) {
      throw new IOException("rpm -qa exited " + r.exitCode());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (String line : r.output().split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 3) {
        out.add(item(f[0], f[1], f[2]));
      }
    }
    return out;
  }

  private static Map<String, Object> item(String name, String version, String arch) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("version", version);
    m.put("arch", arch);
    return m;
  }
}
