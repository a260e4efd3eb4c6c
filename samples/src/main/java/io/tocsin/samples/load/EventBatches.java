package io.tocsin.samples.load;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds batches of varied canonical events as JSON text (process, network, file, auth), each with
 * a unique id; the first event of every batch carries the run's marker process name, which the
 * marker policy matches.
 */
final class EventBatches {

  private static final String[] PROCESSES = {
    "bash", "sshd", "nginx", "python3", "java", "curl", "systemd", "cron", "postgres", "node"
  };
  private static final String[] USERS = {"alice", "bob", "carol", "dave", "svc_backup", "root"};

  private final String run;
  private final String marker;
  private final AtomicLong sequence = new AtomicLong();

  EventBatches(String run, String marker) {
    this.run = run;
    this.marker = marker;
  }

  String next(int size, long nowMillis) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder json = new StringBuilder(size * 330).append('[');
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        json.append(',');
      }
      long n = sequence.incrementAndGet();
      String ts = java.time.Instant.ofEpochMilli(nowMillis + i % 50).toString();
      int host = r.nextInt(200);
      String user = USERS[r.nextInt(USERS.length)];
      json.append("{\"id\":\"ld-").append(run).append('-').append(n).append("\",\"ts\":\"");
      json.append(ts).append("\",\"host_id\":\"host-").append(host).append("\",");
      json.append("\"host\":{\"name\":\"host-")
          .append(host)
          .append("\",\"os\":{\"family\":\"linux\"}},");
      json.append("\"user\":{\"id\":\"u-")
          .append(user)
          .append("\",\"name\":\"")
          .append(user)
          .append("\"},");
      int kind = i == 0 ? 0 : r.nextInt(10);
      if (kind < 6) {
        String p = i == 0 ? marker : PROCESSES[r.nextInt(PROCESSES.length)];
        json.append("\"event\":{\"type\":\"process\",\"action\":\"start\"},");
        json.append("\"process\":{\"name\":\"")
            .append(p)
            .append("\",\"pid\":")
            .append(r.nextInt(1, 65000));
        json.append(",\"ppid\":1,\"command_line\":\"").append(p).append(" --job ").append(n);
        json.append("\",\"user\":\"").append(user).append("\"}}");
      } else if (kind < 8) {
        json.append("\"event\":{\"type\":\"network\",\"action\":\"connect\"},");
        json.append("\"network\":{\"source\":{\"ip\":\"10.0.").append(r.nextInt(256)).append('.');
        json.append(r.nextInt(256)).append("\",\"port\":").append(r.nextInt(1024, 65000));
        json.append("},\"destination\":{\"ip\":\"172.16.")
            .append(r.nextInt(256))
            .append(".1\",\"port\":");
        json.append(r.nextBoolean() ? 443 : 5432).append("},\"protocol\":\"tcp\",\"bytes\":");
        json.append(r.nextInt(100_000)).append("}}");
      } else if (kind < 9) {
        json.append("\"event\":{\"type\":\"file\",\"action\":\"write\"},");
        json.append("\"file\":{\"path\":\"/var/lib/app/data-").append(r.nextInt(1000));
        json.append(".db\",\"size\":")
            .append(r.nextInt(10_000_000))
            .append(",\"operation\":\"write\"}}");
      } else {
        json.append("\"event\":{\"type\":\"auth\",\"action\":\"login\"},");
        json.append("\"auth\":{\"result\":\"success\",\"method\":\"password\"}}");
      }
    }
    return json.append(']').toString();
  }
}
