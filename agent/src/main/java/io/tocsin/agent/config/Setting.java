package io.tocsin.agent.config;

import java.util.List;

/**
 * Every configuration key: its canonical environment name, accepted aliases, default and meaning.
 * The same names are used as keys in the {@code --config} properties file.
 */
public enum Setting {
  SERVER("TOCSIN_AGENT_SERVER", List.of("OSPULSE_API_URL"), null, "server root URL"),
  API_KEY("TOCSIN_AGENT_API_KEY", List.of("OSPULSE_API_KEY"), null, "ingest API key"),
  INTERVAL("TOCSIN_AGENT_INTERVAL", List.of(), "5", "seconds between process/network scans"),
  SNAPSHOT_INTERVAL(
      "TOCSIN_AGENT_SNAPSHOT_INTERVAL", List.of(), "60", "seconds between host snapshots"),
  COMMAND_INTERVAL(
      "TOCSIN_AGENT_COMMAND_INTERVAL", List.of(), "10", "seconds between command polls"),
  SPOOL_DIR("TOCSIN_AGENT_SPOOL_DIR", List.of(), null, "spool directory"),
  SPOOL_MAX_MB("TOCSIN_AGENT_SPOOL_MAX_MB", List.of(), "100", "spool bound in MiB"),
  DATA_DIR("TOCSIN_AGENT_DATA_DIR", List.of(), null, "state, quarantine and default spool root"),
  BATCH_SIZE(
      "TOCSIN_AGENT_BATCH_SIZE", List.of("OSPULSE_API_BATCH_SIZE"), "100", "events per POST"),
  BATCH_TIMEOUT(
      "TOCSIN_AGENT_BATCH_TIMEOUT",
      List.of("OSPULSE_API_BATCH_TIMEOUT"),
      "5",
      "seconds before a partial batch is sent"),
  REQUEST_TIMEOUT(
      "TOCSIN_AGENT_TIMEOUT", List.of("OSPULSE_API_TIMEOUT"), "10", "HTTP request timeout, s"),
  RETRY_COUNT(
      "TOCSIN_AGENT_RETRY_COUNT",
      List.of("OSPULSE_API_RETRY_COUNT"),
      "3",
      "retries of a batch before it is spooled"),
  RETRY_DELAY(
      "TOCSIN_AGENT_RETRY_DELAY",
      List.of("OSPULSE_API_RETRY_DELAY"),
      "1",
      "first retry delay, s (doubles, jittered)"),
  RETRY_MAX_DELAY("TOCSIN_AGENT_RETRY_MAX_DELAY", List.of(), "60", "backoff cap, s"),
  QUEUE_CAPACITY("TOCSIN_AGENT_QUEUE_CAPACITY", List.of(), "10000", "in-memory event queue bound"),
  WATCH_PATHS(
      "TOCSIN_AGENT_WATCH_PATHS", List.of(), "", "comma-separated directories watched for files"),
  HASH_MAX_MB("TOCSIN_AGENT_HASH_MAX_MB", List.of(), "50", "largest executable hashed, MiB"),
  ALLOW_RESPONSE(
      "TOCSIN_AGENT_ALLOW_RESPONSE", List.of(), "false", "execute destructive response actions"),
  STATUS_PORT("TOCSIN_AGENT_STATUS_PORT", List.of(), "0", "loopback status endpoint port, 0=off"),
  HOST_ID("TOCSIN_AGENT_HOST_ID", List.of(), null, "host id override (default: machine id)"),
  NETWORK("TOCSIN_AGENT_NETWORK", List.of(), "true", "collect network connections"),
  PROCESS_EVENTS(
      "TOCSIN_AGENT_PROCESS_EVENTS",
      List.of(),
      "auto",
      "auto = kernel process events where available, else polling; poll = always poll");

  private final String envName;
  private final List<String> aliases;
  private final String defaultValue;
  private final String description;

  Setting(String envName, List<String> aliases, String defaultValue, String description) {
    this.envName = envName;
    this.aliases = aliases;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String envName() {
    return envName;
  }

  public List<String> aliases() {
    return aliases;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }
}
