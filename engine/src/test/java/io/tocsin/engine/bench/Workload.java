package io.tocsin.engine.bench;

import static io.tocsin.engine.bench.RuleSpec.icontains;
import static io.tocsin.engine.bench.RuleSpec.keyed;

import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.engine.policy.RuleDefinition;
import io.tocsin.engine.policy.SequenceSpec;
import io.tocsin.engine.policy.ThresholdSpec;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Benchmark scenarios: rules in both forms, the policies wrapping them, and the events. */
final class Workload {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final int EVENTS = 20_000;

  final List<RuleSpec> rules;
  final List<PolicyDefinition> policies;
  final List<Event> events;

  private Workload(List<RuleSpec> rules, List<RuleDefinition> correlated, List<Event> events) {
    this.rules = rules;
    this.events = events;
    List<PolicyDefinition> ps = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      ps.add(
          policy("p" + i, RuleDefinition.simple("r", rules.get(i).condition(), "alert", "high")));
    }
    for (int i = 0; i < correlated.size(); i++) {
      ps.add(policy("c" + i, correlated.get(i)));
    }
    this.policies = List.copyOf(ps);
  }

  static Workload of(String scenario) {
    Random r = new Random(42);
    return switch (scenario) {
      case "realistic100" -> new Workload(RealisticRules.all(), List.of(), events(r, 0));
      case "generated1000" -> new Workload(generated(1_000), List.of(), events(r, 1_000));
      case "generated10000" -> new Workload(generated(10_000), List.of(), events(r, 10_000));
      case "correlation" -> new Workload(RealisticRules.all(), correlated(), events(r, 0));
      default -> throw new IllegalArgumentException(scenario);
    };
  }

  private static PolicyDefinition policy(String id, RuleDefinition rule) {
    return new PolicyDefinition(
        id, "Policy " + id, "", true, List.of("attack.t1059"), List.of(rule));
  }

  /** Sigma-like generated rules: image + command line, command-line tokens, ports, users. */
  static List<RuleSpec> generated(int n) {
    List<RuleSpec> rules = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String arg = "arg" + i;
      String tok = "tok" + i + "x";
      switch (i % 20) {
        case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 ->
            rules.add(
                keyed(
                    "process.name == 'tool"
                        + i
                        + ".exe' and process.command_line icontains '"
                        + arg
                        + "'",
                    "process.name",
                    "tool" + i + ".exe",
                    e -> icontains(e, "process.command_line", arg)));
        case 10, 11, 12, 13 ->
            rules.add(
                RuleSpec.of(
                    "process.command_line icontains '" + tok + "'",
                    e -> icontains(e, "process.command_line", tok)));
        case 14, 15, 16 ->
            rules.add(
                keyed(
                    "network.destination.port == "
                        + (10_000 + i)
                        + " and network.protocol == 'tcp'",
                    "network.destination.port",
                    (long) (10_000 + i),
                    e -> "tcp".equals(e.get("network.protocol"))));
        default ->
            rules.add(
                keyed(
                    "user.name == 'user" + i + "' and auth.result == 'failure'",
                    "user.name",
                    "user" + i,
                    e -> "failure".equals(e.get("auth.result"))));
      }
    }
    return rules;
  }

  static List<RuleDefinition> correlated() {
    List<RuleDefinition> rules = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rules.add(
          RuleDefinition.simple(
                  "brute" + i,
                  "auth.result == 'failure' and auth.method == '"
                      + (i % 2 == 0 ? "password" : "ssh_key")
                      + "'",
                  "alert",
                  "medium")
              .withThreshold(
                  new ThresholdSpec(
                      5 + i, "1m", List.of(i % 2 == 0 ? "network.source.ip" : "user.name"))));
    }
    for (int i = 0; i < 10; i++) {
      rules.add(
          new RuleDefinition(
              "chain" + i,
              null,
              "isolate_host",
              "critical",
              Map.of(),
              null,
              new SequenceSpec(
                  List.of("host_id"),
                  (i + 1) + "m",
                  List.of(
                      "event.type == 'network' and network.destination.port == "
                          + RealisticRules.PORTS[i],
                      "event.type == 'file' and file.path startswith '/tmp/'",
                      "event.type == 'process' and process.exe startswith '/tmp/'")),
              null,
              null,
              List.of()));
    }
    return rules;
  }

  /** Realistic mixed telemetry; about 1–3% of events match some rule. */
  static List<Event> events(Random r, int generated) {
    String[] names = {
      "chrome.exe",
      "svchost.exe",
      "explorer.exe",
      "bash",
      "python3",
      "java",
      "sshd",
      "cmd.exe",
      "powershell.exe",
      "code"
    };
    String[] lines = {
      "--type=renderer --field-trial-handle=1234",
      "-k netsvcs -p",
      "/usr/bin/make -j4 all",
      "ls -la /home/user",
      "git status",
      "-jar app.jar --server.port=8080",
      "pip install requests"
    };
    List<Event> events = new ArrayList<>(EVENTS);
    for (int i = 0; i < EVENTS; i++) {
      Map<String, Object> f = new HashMap<>();
      f.put("id", "ev" + i);
      f.put("ts", START.plusMillis(10L * i));
      f.put("tenant_id", "bench");
      f.put("host_id", "host" + r.nextInt(200));
      f.put("host.os.family", r.nextBoolean() ? "linux" : "windows");
      f.put(
          "user.name",
          r.nextInt(50) == 0 && generated > 0
              ? "user" + r.nextInt(generated)
              : "u" + r.nextInt(500));
      int kind = r.nextInt(10);
      if (kind < 4) {
        boolean hit = r.nextInt(50) == 0;
        String name =
            hit && generated > 0
                ? "tool" + r.nextInt(generated) + ".exe"
                : hit
                    ? RealisticRules.LOLBINS[r.nextInt(RealisticRules.LOLBINS.length)][0]
                    : names[r.nextInt(names.length)];
        String line = lines[r.nextInt(lines.length)];
        if (hit) {
          line =
              line
                  + (generated > 0
                      ? " arg" + r.nextInt(generated) + " tok" + r.nextInt(generated) + "x"
                      : " " + RealisticRules.LOLBINS[r.nextInt(RealisticRules.LOLBINS.length)][1]);
        }
        f.put("event.type", "process");
        f.put("process.name", name);
        f.put("process.pid", (long) r.nextInt(60_000));
        f.put("process.command_line", name + " " + line);
        f.put("process.cmd", List.of((name + " " + line).split(" ")));
        f.put(
            "process.parent.name",
            r.nextInt(100) == 0 ? RealisticRules.PARENTS[r.nextInt(10)] : "explorer.exe");
        f.put("process.exe", r.nextInt(100) == 0 ? "/tmp/" + name : "/usr/bin/" + name);
      } else if (kind < 6) {
        f.put("event.type", "file");
        f.put(
            "file.operation",
            new String[] {"create", "write", "read", "delete", "rename"}[r.nextInt(5)]);
        String dir =
            r.nextInt(50) == 0
                ? RealisticRules.FILES[r.nextInt(10)][0]
                : "/home/u" + r.nextInt(100) + "/docs/";
        String name =
            "f" + r.nextInt(1000) + new String[] {".txt", ".sh", ".pdf", ".locked"}[r.nextInt(4)];
        f.put("file.path", dir + name);
        f.put("file.name", name);
        f.put("file.size", (long) r.nextInt(200) << 20);
        f.put("file.destination", r.nextBoolean() ? "backup.corp" : "usb");
      } else if (kind < 8) {
        f.put("event.type", "network");
        long port =
            r.nextInt(50) == 0
                ? (generated > 0
                    ? 10_000 + r.nextInt(generated)
                    : RealisticRules.PORTS[r.nextInt(10)])
                : new long[] {443, 80, 22, 8080}[r.nextInt(4)];
        f.put("network.destination.port", port);
        f.put("network.protocol", r.nextInt(20) == 0 ? "udp" : "tcp");
        f.put(
            "network.destination.ip",
            r.nextBoolean()
                ? "10.0." + r.nextInt(255) + "." + r.nextInt(255)
                : "52.1." + r.nextInt(255) + "." + r.nextInt(255));
        f.put("network.source.ip", "192.168.1." + r.nextInt(255));
        f.put("network.destination.domain", "svc" + r.nextInt(100) + ".example.com");
        f.put("network.bytes", (long) r.nextInt(5_000_000));
      } else {
        f.put("event.type", "auth");
        f.put("auth.result", r.nextInt(5) == 0 ? "failure" : "success");
        f.put("auth.method", r.nextBoolean() ? "password" : "ssh_key");
        f.put("network.source.ip", "203.0.113." + r.nextInt(100));
        if (r.nextInt(50) == 0) {
          f.put("user.name", RealisticRules.ADMINS[r.nextInt(5)]);
        }
      }
      events.add(Event.of(f));
    }
    return events;
  }
}
