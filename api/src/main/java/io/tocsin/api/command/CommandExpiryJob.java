package io.tocsin.api.command;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires unanswered commands of every tenant, so their alerts show it without an agent poll. */
@Component
class CommandExpiryJob {

  private static final Logger log = LoggerFactory.getLogger(CommandExpiryJob.class);

  private final CommandService commands;
  private final Clock clock;

  CommandExpiryJob(CommandService commands, Clock clock) {
    this.commands = commands;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${tocsin.commands.expiry-interval:PT1M}",
      initialDelayString = "${tocsin.commands.expiry-interval:PT1M}")
  void run() {
    try {
      int expired = commands.expireStale(clock.instant());
      if (expired > 0) {
        log.info("expired {} unanswered agent commands", expired);
      }
    } catch (RuntimeException e) {
      log.error("command expiry failed; retrying at the next interval", e);
    }
  }
}
