package io.tocsin.dsl.fuzz;

import java.util.List;
import java.util.Random;

/** Valid conditions that mutation starts from: the DESIGN §4 examples and a few more. */
final class Seeds {

  static final List<String> CONDITIONS =
      List.of(
          "process.name == 'suspicious.exe'",
          "file.size > 100MB AND file.destination NOT IN names",
          "process.name:powershell AND file.size:>100MB # shorthand",
          "process.name:cmd.exe OR process.name:power*",
          "process.name icontains 'powershell' and not user.name in ('svc_backup', \"svc_scan\")",
          "network.source.ip in 10.0.0.0/8",
          "network.source.ip in fe80::/10 or network.source.ip in nets",
          "process.command_line matches '(?i)-enc(odedcommand)?\\s'",
          "file.path glob '/tmp/**/*.sh'",
          "process.hash exists",
          "process.cmd contains '-nop'",
          "lower(process.name) == 'cmd.exe'",
          "m and ts >= '2024-05-01T00:00:00Z' and payload.x in (1, 2.5, 'x', true)",
          "!(len(process.cmd) > 3 || basename(file.path) endswith '.sh') && file.size <= 1.5KiB",
          "network.source.ip:fe80::1 or ts:2024-05-01T10:00:00Z or payload.d > 5m");

  private Seeds() {}

  static String pick(Random r) {
    return CONDITIONS.get(r.nextInt(CONDITIONS.size()));
  }
}
