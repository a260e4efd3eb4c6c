package io.tocsin.samples.load;

import java.time.Duration;

/**
 * Command-line options of {@link IngestLoad}.
 *
 * @param url server base URL
 * @param username user to log in as (needs a role that may ingest and write policies)
 * @param password its password
 * @param batch events per request
 * @param threads concurrent senders
 * @param warmup sending time not measured
 * @param duration measured sending time
 * @param policies generated policies to add (on top of those the tenant already has)
 * @param gzip whether to gzip request bodies like the agent does
 */
record LoadOptions(
    String url,
    String username,
    String password,
    int batch,
    int threads,
    Duration warmup,
    Duration duration,
    int policies,
    boolean gzip) {

  static LoadOptions parse(String[] args) {
    String url = "http://localhost:8080";
    String user = "admin";
    String password = System.getenv().getOrDefault("TOCSIN_ADMIN_PASSWORD", "");
    int batch = 500;
    int threads = 4;
    Duration warmup = Duration.ofSeconds(15);
    Duration duration = Duration.ofSeconds(60);
    int policies = 83;
    boolean gzip = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--url" -> url = args[++i];
        case "--user" -> user = args[++i];
        case "--password" -> password = args[++i];
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(args[++i]));
        case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(args[++i]));
        case "--policies" -> policies = Integer.parseInt(args[++i]);
        case "--gzip" -> gzip = true;
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
      }
    }
    return new LoadOptions(url, user, password, batch, threads, warmup, duration, policies, gzip);
  }

  static String usage() {
    return "usage: IngestLoad [--url http://localhost:8080] [--user admin] [--password pw]"
        + " [--batch 500] [--threads 4] [--warmup 15] [--duration 60] [--policies 83] [--gzip]";
  }
}
