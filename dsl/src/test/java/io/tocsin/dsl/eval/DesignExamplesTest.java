package io.tocsin.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.dsl.ConditionContext;
import io.tocsin.dsl.Conditions;
import io.tocsin.model.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Every example of DESIGN §4, evaluated over events that should and should not match. */
class DesignExamplesTest {

  private static final ConditionContext CTX =
      ConditionContext.of(
          Map.of("allowed_domains", List.of("corp.example.com", "backup.example.com")),
          Map.of("is_shell", "process.name in ('bash', 'sh', 'zsh')"));

  private static Predicate<Event> p(String condition) {
    return Interpreter.compile(Conditions.compile(condition, CTX).root());
  }

  private static Event ev(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return Event.of(m);
  }

  @Test
  void equality() {
    Predicate<Event> p = p("process.name == 'suspicious.exe'");
    assertThat(p).accepts(ev("process.name", "suspicious.exe"));
    assertThat(p).rejects(ev("process.name", "Suspicious.exe"), ev());
  }

  @Test
  void sizeAndNamedList() {
    Predicate<Event> p = p("file.size > 100MB AND file.destination NOT IN allowed_domains");
    long mb = 1024L * 1024;
    assertThat(p).accepts(ev("file.size", 101 * mb, "file.destination", "evil.example.net"));
    assertThat(p)
        .rejects(
            ev("file.size", 100 * mb, "file.destination", "evil.example.net"),
            ev("file.size", 101 * mb, "file.destination", "corp.example.com"),
            ev("file.size", 101 * mb));
  }

  @Test
  void searchShorthand() {
    Predicate<Event> p = p("process.name:powershell AND file.size:>100MB");
    assertThat(p).accepts(ev("process.name", "powershell", "file.size", 200L * 1024 * 1024));
    assertThat(p).rejects(ev("process.name", "powershell", "file.size", 100L * 1024 * 1024));
  }

  @Test
  void shorthandWithDotsAndWildcards() {
    Predicate<Event> p = p("process.name:cmd.exe OR process.name:power*");
    assertThat(p)
        .accepts(
            ev("process.name", "cmd.exe"),
            ev("process.name", "powershell.exe"),
            ev("process.name", "power"));
    assertThat(p).rejects(ev("process.name", "cmdxexe"), ev("process.name", "xpower"));
  }

  @Test
  void icontainsAndNotIn() {
    Predicate<Event> p =
        p(
            "process.name icontains 'powershell' and not user.name in ('svc_backup',"
                + " \"svc_scan\")");
    assertThat(p)
        .accepts(
            ev("process.name", "PowerShell.exe", "user.name", "alice"),
            ev("process.name", "xPOWERSHELLx"));
    assertThat(p).rejects(ev("process.name", "PowerShell.exe", "user.name", "svc_scan"));
  }

  @Test
  void cidr() {
    Predicate<Event> v4 = p("network.source.ip in 10.0.0.0/8");
    assertThat(v4).accepts(ev("network.source.ip", "10.1.2.3"));
    assertThat(v4).rejects(ev("network.source.ip", "11.1.2.3"), ev("network.source.ip", "junk"));
    Predicate<Event> v6 = p("network.source.ip in fe80::/10");
    assertThat(v6).accepts(ev("network.source.ip", "fe80::1"), ev("network.source.ip", "FEBF::1"));
    assertThat(v6).rejects(ev("network.source.ip", "fec0::1"), ev("network.source.ip", "10.0.0.1"));
  }

  @Test
  void matches() {
    Predicate<Event> p = p("process.command_line matches '(?i)-enc(odedcommand)?\\s'");
    assertThat(p)
        .accepts(
            ev("process.command_line", "powershell -EncodedCommand AAA"),
            ev("process.command_line", "powershell -enc AAA"));
    assertThat(p).rejects(ev("process.command_line", "powershell -encoding"));
  }

  @Test
  void glob() {
    Predicate<Event> p = p("file.path glob '/tmp/**/*.sh'");
    assertThat(p).accepts(ev("file.path", "/tmp/a/b/x.sh"), ev("file.path", "/tmp/x.sh"));
    assertThat(p).rejects(ev("file.path", "/var/tmp/x.sh"), ev("file.path", "/tmp/x.sh.txt"));
  }

  @Test
  void exists() {
    Predicate<Event> p = p("process.hash exists");
    assertThat(p).accepts(ev("process.hash", "abc"));
    assertThat(p).rejects(ev("process.name", "x"));
  }

  @Test
  void arrayContains() {
    Predicate<Event> p = p("process.cmd contains '-nop'");
    assertThat(p).accepts(ev("process.cmd", List.of("powershell", "-nop", "-w", "hidden")));
    assertThat(p).rejects(ev("process.cmd", List.of("powershell")), ev());
  }

  @Test
  void function() {
    Predicate<Event> p = p("lower(process.name) == 'cmd.exe'");
    assertThat(p).accepts(ev("process.name", "CMD.EXE"));
    assertThat(p).rejects(ev("process.name", "cmd.com"), ev());
  }

  @Test
  void missingFieldIsFalseAndNotInvertsIt() {
    assertThat(p("user.name == 'x'")).rejects(ev());
    assertThat(p("not user.name == 'x'")).accepts(ev());
    assertThat(p("user.name != 'x'")).rejects(ev());
  }

  @Test
  void macro() {
    assertThat(p("is_shell and user.name == 'root'"))
        .accepts(ev("process.name", "bash", "user.name", "root"));
  }

  @Test
  void timestamps() {
    Predicate<Event> p = p("ts >= '2024-05-01' and ts < '2024-05-02T00:00:00Z'");
    assertThat(p).accepts(ev("ts", Instant.parse("2024-05-01T10:00:00Z")));
    assertThat(p).rejects(ev("ts", Instant.parse("2024-05-02T00:00:00Z")));
  }
}
