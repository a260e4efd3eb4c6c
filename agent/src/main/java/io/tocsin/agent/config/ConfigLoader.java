package io.tocsin.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@link AgentConfig} from environment variables over an optional properties file. For each
 * {@link Setting} the first value found wins: canonical env name, env aliases, canonical file key,
 * file aliases, default. Every problem is collected and reported together.
 */
public final class ConfigLoader {

  private final Map<String, String> env;
  private final Map<String, String> file;
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader(Map<String, String> env, Map<String, String> file) {
    this.env = env;
    this.file = file;
  }

  /**
   * Loads and validates the configuration.
   *
   * @param configFile properties file ({@code KEY=value}, keys as the env names), or null
   * @param requireCredentials whether the API key is mandatory (true for {@code run})
   * @throws ConfigException listing every problem
   */
  public static AgentConfig load(
      Map<String, String> env, Path configFile, boolean requireCredentials) {
    return new ConfigLoader(env, readFile(configFile)).build(requireCredentials);
  }

  private static Map<String, String> readFile(Path configFile) {
    if (configFile == null) {
      return Map.of();
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException e) {
      throw new ConfigException(
          List.of("cannot read config file [" + configFile + "]: " + e.getMessage()));
    }
    Map<String, String> values = new HashMap<>();
    props.stringPropertyNames().forEach(k -> values.put(k.trim(), props.getProperty(k).trim()));
    List<String> unknown = new ArrayList<>();
    for (String key : values.keySet()) {
      if (Arrays.stream(Setting.values())
          .noneMatch(s -> s.envName().equals(key) || s.aliases().contains(key))) {
        unknown.add("config file [" + configFile + "]: unknown key [" + key + "]");
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(unknown.stream().sorted().toList());
    }
    return values;
  }

  private AgentConfig build(boolean requireCredentials) {
    URI server = server();
    String apiKey = raw(Setting.API_KEY);
    if (requireCredentials && (apiKey == null || apiKey.isBlank())) {
      problems.add(Setting.API_KEY.envName() + " is required (alias OSPULSE_API_KEY)");
    }
    Path dataDir = path(Setting.DATA_DIR, defaultDataDir());
    Path spoolDir = path(Setting.SPOOL_DIR, dataDir.resolve("spool"));
    AgentConfig config =
        new AgentConfig(
            server,
            apiKey == null ? "" : apiKey,
            seconds(Setting.INTERVAL),
            seconds(Setting.SNAPSHOT_INTERVAL),
            seconds(Setting.COMMAND_INTERVAL),
            dataDir,
            spoolDir,
            positiveLong(Setting.SPOOL_MAX_MB) * 1024 * 1024,
            (int) positiveLong(Setting.BATCH_SIZE),
            seconds(Setting.BATCH_TIMEOUT),
            seconds(Setting.REQUEST_TIMEOUT),
            (int) nonNegativeLong(Setting.RETRY_COUNT),
            seconds(Setting.RETRY_DELAY),
            seconds(Setting.RETRY_MAX_DELAY),
            (int) positiveLong(Setting.QUEUE_CAPACITY),
            watchPaths(),
            positiveLong(Setting.HASH_MAX_MB) * 1024 * 1024,
            bool(Setting.ALLOW_RESPONSE),
            port(),
            raw(Setting.HOST_ID),
            bool(Setting.NETWORK),
            processEvents());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  private static Path defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".tocsin-agent");
  }

  /** The effective raw value of a setting, or null when unset and without default. */
  String raw(Setting setting) {
    for (Map<String, String> source : List.of(env, file)) {
      String value = source.get(setting.envName());
      if (value == null) {
        value =
            setting.aliases().stream()
                .map(source::get)
                .filter(v -> v != null)
                .findFirst()
                .orElse(null);
      }
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return setting.defaultValue();
  }

  private URI server() {
    String value = raw(Setting.SERVER);
    if (value == null || value.isBlank()) {
      problems.add(
          Setting.SERVER.envName()
              + " is required (alias OSPULSE_API_URL), e.g. [http://127.0.0.1:8080]");
      return URI.create("http://127.0.0.1:8080");
    }
    String trimmed = value.replaceAll("/+$", "");
    // OS-Pulse configs point at .../api/v1; accept that and keep the server root.
    trimmed = trimmed.replaceAll("/api/v1$", "");
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        problems.add(
            Setting.SERVER.envName() + " must be an http(s) URL with a host, got [" + value + "]");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      problems.add(Setting.SERVER.envName() + " is not a valid URL: [" + value + "]");
      return URI.create("http://127.0.0.1:8080");
    }
  }

  private Duration seconds(Setting setting) {
    String value = raw(setting);
    try {
      double secs = Double.parseDouble(value);
      if (secs > 0 && secs <= 86_400) {
        return Duration.ofMillis(Math.round(secs * 1000));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        setting.envName() + " must be a number of seconds in (0, 86400], got [" + value + "]");
    return Duration.ofSeconds(1);
  }

  private long positiveLong(Setting setting) {
    long v = parseLong(setting);
    if (v <= 0) {
      problems.add(setting.envName() + " must be a positive integer, got [" + raw(setting) + "]");
      return 1;
    }
    return v;
  }

  private long nonNegativeLong(Setting setting) {
    long v = parseLong(setting);
    if (v < 0) {
      problems.add(setting.envName() + " must be 0 or more, got [" + raw(setting) + "]");
      return 0;
    }
    return v;
  }

  private long parseLong(Setting setting) {
    try {
      return Long.parseLong(raw(setting));
    } catch (NumberFormatException e) {
      problems.add(setting.envName() + " must be an integer, got [" + raw(setting) + "]");
      return 1;
    }
  }

  private boolean bool(Setting setting) {
    String value = raw(setting).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> {
        problems.add(setting.envName() + " must be true or false, got [" + raw(setting) + "]");
        yield false;
      }
    };
  }

  private String processEvents() {
    String value = raw(Setting.PROCESS_EVENTS).toLowerCase(Locale.ROOT);
    if (!value.equals("auto") && !value.equals("poll")) {
      problems.add(
          Setting.PROCESS_EVENTS.envName()
              + " must be auto or poll, got ["
              + raw(Setting.PROCESS_EVENTS)
              + "]");
    }
    return value;
  }

  private int port() {
    long port = nonNegativeLong(Setting.STATUS_PORT);
    if (port > 65_535) {
      problems.add(Setting.STATUS_PORT.envName() + " must be a port (0 = off), got [" + port + "]");
    }
    return (int) port;
  }

  private Path path(Setting setting, Path fallback) {
    String value = raw(setting);
    return value == null ? fallback : Path.of(value);
  }

  private List<Path> watchPaths() {
    String value = raw(Setting.WATCH_PATHS);
    List<Path> paths = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        Path p = Path.of(part.trim());
        if (!Files.isDirectory(p)) {
          problems.add(
              Setting.WATCH_PATHS.envName() + ": [" + part.trim() + "] is not a directory");
        }
        paths.add(p);
      }
    }
    return paths;
  }
}
