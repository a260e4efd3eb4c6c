package io.tocsin.agent;

import io.tocsin.agent.collect.EventFactory;
import io.tocsin.agent.collect.HostIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Fixed host facts and clock for tests. */
public final class TestHost {

  public static final HostIdentity HOST =
      new HostIdentity("host-1", "web-01", List.of("10.0.0.5"), "Ubuntu", "24.04", "amd64");
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

  private TestHost() {}

  public static EventFactory events() {
    return new EventFactory(HOST, false);
  }
}
