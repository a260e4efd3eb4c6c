package io.tocsin.samples.replay;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of the replay tool.
 *
 * @param server server root, e.g. {@code http://127.0.0.1:8080}
 * @param apiKey sent as {@code X-API-Key} (agents' ingest-only key), or null
 * @param token sent as {@code Authorization: Bearer}, or null
 * @param rebase shift timestamps so the first event happens now, keeping the spacing
 * @param runSuffix appended to every event id so a replay is not deduplicated against the last
 * @param batchSize events per request
 * @param files JSON-lines files, one event per line
 */
record ReplayOptions(
    URI server,
    String apiKey,
    String token,
    boolean rebase,
    String runSuffix,
    int batchSize,
    List<Path> files) {

  static final String USAGE =
      """
      usage: java -jar samples/target/tocsin-samples.jar [options] FILE.jsonl...
        --server URL      server root (default http://127.0.0.1:8080, env TOCSIN_SERVER)
        --api-key KEY     ingest API key (env TOCSIN_API_KEY)
        --token JWT       bearer token instead of an API key (env TOCSIN_TOKEN)
        --rebase          move timestamps so the first event is now
        --fresh-ids       suffix ids with a run token so events are stored again
        --batch N         events per request (default 500)
        -h, --help        print this help
      """;

  static ReplayOptions parse(List<String> args, java.util.function.Function<String, String> env) {
    URI server = URI.create(or(env.apply("TOCSIN_SERVER"), "http://127.0.0.1:8080"));
    String apiKey = env.apply("TOCSIN_API_KEY");
    String token = env.apply("TOCSIN_TOKEN");
    boolean rebase = false;
    String suffix = null;
    int batch = 500;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--server" -> server = URI.create(value(args, ++i, arg));
        case "--api-key" -> apiKey = value(args, ++i, arg);
        case "--token" -> token = value(args, ++i, arg);
        case "--rebase" -> rebase = true;
        case "--fresh-ids" -> suffix = "-" + Long.toString(System.currentTimeMillis(), 36);
        case "--batch" -> batch = positive(value(args, ++i, arg), arg);
        default -> {
          if (arg.startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + arg);
          }
          files.add(Path.of(arg));
        }
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no event file given");
    }
    if (apiKey == null && token == null) {
      throw new IllegalArgumentException("give --api-key or --token");
    }
    return new ReplayOptions(server, apiKey, token, rebase, suffix, batch, List.copyOf(files));
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  private static int positive(String value, String option) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a positive integer, got " + value);
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
