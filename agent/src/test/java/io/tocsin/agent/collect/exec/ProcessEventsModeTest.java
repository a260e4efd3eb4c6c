package io.tocsin.agent.collect.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Which process source is used, and the reason logged when it is polling. */
class ProcessEventsModeTest {

  @Test
  void withoutPermissionItPollsAndSaysWhy() {
    ProcessEventsMode.Choice c =
        ProcessEventsMode.choose(
            "auto",
            true,
            () -> {
              throw new ProcConnector.Unavailable(
                  "the kernel refused the process events subscription: " + ProcConnector.errno(1));
            });
    assertThat(c.realtime()).isFalse();
    assertThat(c.reason()).contains("EPERM").contains("CAP_NET_ADMIN");
  }

  @Test
  void pollSettingNeverTriesTheConnector() {
    AtomicBoolean tried = new AtomicBoolean();
    ProcessEventsMode.Choice c =
        ProcessEventsMode.choose(
            "poll",
            true,
            () -> {
              tried.set(true);
              throw new ProcConnector.Unavailable("x");
            });
    assertThat(c.realtime()).isFalse();
    assertThat(c.reason()).isEqualTo("TOCSIN_AGENT_PROCESS_EVENTS=poll");
    assertThat(tried).isFalse();
  }

  @Test
  void withoutProcfsItPolls() {
    ProcessEventsMode.Choice c =
        ProcessEventsMode.choose(
            "auto",
            false,
            () -> {
              throw new AssertionError("not tried without procfs");
            });
    assertThat(c.realtime()).isFalse();
    assertThat(c.reason()).startsWith("no procfs process table");
  }

  /** As root on Linux (this build machine) the real connector is chosen. */
  @Test
  void asRootOnLinuxTheConnectorIsUsed() {
    assumeTrue(
        ProcessEventsMode.unavailableReason().isEmpty(),
        () -> "proc connector unavailable: " + ProcessEventsMode.unavailableReason().orElse(""));
    ProcessEventsMode.Choice c = ProcessEventsMode.choose("auto", true, ProcConnector::open);
    try {
      assertThat(c.realtime()).isTrue();
    } finally {
      c.connector().close();
    }
  }
}
