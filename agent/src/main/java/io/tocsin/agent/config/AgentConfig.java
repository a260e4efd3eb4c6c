package io.tocsin.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The validated agent configuration.
 *
 * @param server server root, e.g. {@code http://127.0.0.1:8080} (no trailing slash)
 * @param hostId explicit host id, or {@code null} to derive it from the machine
 * @param processEvents {@code auto} (kernel process events where available) or {@code poll}
 */
public record AgentConfig(
    URI server,
    String apiKey,
    Duration interval,
    Duration snapshotInterval,
    Duration commandInterval,
    Path dataDir,
    Path spoolDir,
    long spoolMaxBytes,
    int batchSize,
    Duration batchTimeout,
    Duration requestTimeout,
    int retryCount,
    Duration retryDelay,
    Duration retryMaxDelay,
    int queueCapacity,
    List<Path> watchPaths,
    long hashMaxBytes,
    boolean allowResponse,
    int statusPort,
    String hostId,
    boolean collectNetwork,
    String processEvents) {

  public AgentConfig {
    watchPaths = List.copyOf(watchPaths);
  }

  /** Where {@code status} reads the stats the running agent last wrote. */
  public Path stateFile() {
    return dataDir.resolve("state.json");
  }

  /** The processes already reported, so a restart does not report them again. */
  public Path reportedProcessesFile() {
    return dataDir.resolve("reported-processes.txt");
  }

  public Path quarantineDir() {
    return dataDir.resolve("quarantine");
  }

  /** A resolved endpoint under the server root, e.g. {@code api/v1/events}. */
  public URI endpoint(String relative) {
    return URI.create(server + "/" + relative);
  }
}
