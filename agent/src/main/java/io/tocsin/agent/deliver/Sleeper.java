package io.tocsin.agent.deliver;

import java.time.Duration;

/** Waiting between retries; tests inject one that does not sleep. */
@FunctionalInterface
public interface Sleeper {

  Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}
