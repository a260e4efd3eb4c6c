package io.tocsin.dsl.mongo;

import io.tocsin.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random events and conditions over value pools full of edge cases (case, Unicode, IPs). */
final class Samples {

  static final List<String> NAMES =
      List.of(
          "cmd.exe",
          "CMD.EXE",
          "powershell.exe",
          "PowerShell.EXE",
          "bash",
          "sh",
          "a.b",
          "a*b",
          "x\ny",
          "K",
          "\u212A",
          "ß",
          "İ",
          "",
          "power",
          "/tmp/a.sh",
          "C:\\Windows\\cmd.exe",
          "it's",
          "back\\slash");
  static final List<String> PATHS =
      List.of(
          "/tmp/a.sh",
          "/tmp/x/y/z.sh",
          "/tmp/.sh",
          "/var/tmp/a.sh",
          "/tmp/a.sh.txt",
          "tmp/a.sh",
          "/TMP/A.SH",
          "C:\\Users\\Public\\x.ps1",
          "/home/u/.bashrc",
          "/tmp/\n.sh",
          "/tmp/ä.sh");
  static final List<String> IPS =
      List.of(
          "10.0.0.1",
          "10.255.255.255",
          "11.0.0.1",
          "192.168.1.7",
          "192.168.2.1",
          "fe80::1",
          "FE80::1",
          "fe80:0:0:0:0:0:0:1",
          "::1",
          "2001:db8::1",
          "junk",
          "010.0.0.1",
          "::ffff:10.0.0.1");
  static final List<Object> SIZES =
      List.of(0L, 1L, 1023L, 1024L, 1536L, 1048576L, 104857600L, 104857601L, 1073741824L, -1L);
  static final List<Object> PORTS = List.of(22L, 80L, 443L, 1023L, 1024L, 3389L, 65535L, 22.0);
  static final List<Instant> TIMES =
      List.of(
          Instant.parse("2024-05-01T00:00:00Z"),
          Instant.parse("2024-05-01T10:00:00Z"),
          Instant.parse("2024-05-02T00:00:00Z"),
          Instant.parse("2024-04-30T23:59:59.999Z"));
  static final List<String> USERS =
      List.of("root", "admin", "svc_backup", "svc_scan", "alice", "ALICE", "");
  static final List<String> ARGS =
      List.of("powershell", "-nop", "-NoP", "-w", "hidden", "-enc", "AAAA", "/c", "whoami");
  static final List<String> LABELS = List.of("malware", "ransomware", "benign", "Malware");
  static final List<Object> ANY =
      List.of(5L, 5.0, 1.5, -0.0, 0.0, "5", true, false, "hello", "10.0.0.1", List.of(1L, 7L));
  static final List<String> COMMAND_LINES =
      List.of(
          "powershell -enc AAA",
          "powershell -EncodedCommand AAA",
          "cmd /c whoami",
          "x -encoding y",
          "POWERSHELL -NOP");
  static final List<String> RESULTS = List.of("success", "failure", "SUCCESS");

  private Samples() {}

  static <T> T pick(Random r, List<T> pool) {
    return pool.get(r.nextInt(pool.size()));
  }

  static <T> List<T> some(Random r, List<T> pool, int max) {
    List<T> out = new ArrayList<>();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      out.add(pick(r, pool));
    }
    return out;
  }

  static Event event(Random r) {
    Map<String, Object> m = new LinkedHashMap<>();
    maybe(r, m, "process.name", pick(r, NAMES));
    maybe(r, m, "process.pid", pick(r, PORTS));
    maybe(r, m, "process.cmd", some(r, ARGS, 4));
    maybe(r, m, "process.command_line", pick(r, COMMAND_LINES));
    maybe(r, m, "process.exe", pick(r, PATHS));
    maybe(r, m, "user.name", pick(r, USERS));
    maybe(r, m, "file.path", pick(r, PATHS));
    maybe(r, m, "file.size", pick(r, SIZES));
    maybe(r, m, "network.source.ip", pick(r, IPS));
    maybe(r, m, "network.destination.port", pick(r, PORTS));
    maybe(r, m, "ts", pick(r, TIMES));
    maybe(r, m, "labels", some(r, LABELS, 3));
    maybe(r, m, "auth.result", pick(r, RESULTS));
    maybe(r, m, "payload.count", pick(r, ANY));
    maybe(r, m, "payload.note", pick(r, NAMES));
    return Event.of(m);
  }

  private static void maybe(Random r, Map<String, Object> m, String field, Object value) {
    if (r.nextInt(5) > 0) {
      m.put(field, value);
    }
  }
}
