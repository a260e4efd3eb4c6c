package io.tocsin.dsl;

import java.util.List;
import java.util.Map;

/** The named lists and macros of the tenant the data-driven tests run as. */
public final class TestContexts {

  public static final ConditionContext TENANT =
      ConditionContext.of(
          Map.of(
              "allowed_domains", List.of("corp.example.com", "backup.example.com"),
              "admin_ports", List.of("22", "3389"),
              "internal_nets", List.of("10.0.0.0/8", "192.168.1.7", "fe80::/10"),
              "empty_list", List.of(),
              "bad_ports", List.of("22", "ssh"),
              "huge_list", java.util.Collections.nCopies(10_001, "x")),
          Map.of(
              "is_shell", "process.name in ('bash', 'sh')",
              "root_shell", "is_shell and user.name == 'root'",
              "loop_a", "loop_b or user.name == 'a'",
              "loop_b", "loop_a",
              "broken", "process.nme == 'x'",
              "empty_macro", "user.name in ()"));

  private TestContexts() {}
}
