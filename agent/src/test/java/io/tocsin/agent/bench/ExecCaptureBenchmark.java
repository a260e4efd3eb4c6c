package io.tocsin.agent.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bounded load harness (not a test): runs the packaged agent against an in-process receiver,
 * starts processes that live about 0.5 ms ({@code /bin/true}), 1 ms, 10 ms and 100 ms ({@code sleep
 * D TAG}, GNU sleep adds its arguments, the tag makes each command line unique) at a fixed rate,
 * and prints the share reported with their exact command line plus the agent's CPU and peak RSS.
 *
 * <pre>
 * java -Djdk.lang.Process.launchMechanism=FORK \
 *   -cp agent/target/test-classes:agent/target/tocsin-agent.jar \
 *   io.tocsin.agent.bench.ExecCaptureBenchmark agent/target/tocsin-agent.jar [perClass] [perSecond]
 * </pre>
 */
public final class ExecCaptureBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final PrintStream OUT = System.out;

  private final Set<String> commandLines = ConcurrentHashMap.newKeySet();

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "agent/target/tocsin-agent.jar");
    int perClass = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int perSecond = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    new ExecCaptureBenchmark().run(jar, Math.min(perClass, 20_000), Math.min(perSecond, 500));
  }

  private void run(Path jar, int perClass, int perSecond) throws Exception {
    HttpServer receiver = receiver();
    Path data = Files.createTempDirectory("tocsin-exec-bench");
    Path log = data.resolve("agent.log");
    Process agent = startAgent(jar, receiver.getAddress().getPort(), data, log);
    Runtime.getRuntime().addShutdownHook(new Thread(agent::destroy, "bench-stop-agent"));
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log).contains("reported as already_running")) {
        if (System.nanoTime() > deadline || !agent.isAlive()) {
          throw new IllegalStateException("agent did not start:\n" + Files.readString(log));
        }
        Thread.sleep(100);
      }
      OUT.println(
          Files.readString(log)
              .lines()
              .filter(l -> l.contains("process events"))
              .findFirst()
              .orElse(""));
      Thread.sleep(5000); // let the start-up burst settle
      OUT.printf(
          Locale.ROOT,
          "%-22s %8s %9s %10s %9s %12s %10s%n",
          "lifetime",
          "started",
          "rate",
          "complete",
          "share",
          "agent CPU",
          "peak RSS");
      List<String[]> classes =
          List.of(
              new String[] {"/bin/true (~0.5 ms)", "/bin/true", ""},
              new String[] {"1 ms", "sleep", "0.001"},
              new String[] {"10 ms", "sleep", "0.01"},
              new String[] {"100 ms", "sleep", "0.1"});
      int c = 0;
      for (String[] cls : classes) {
        runClass(agent.pid(), cls, c++, perClass, perSecond);
      }
    } finally {
      agent.destroy();
      agent.waitFor(20, TimeUnit.SECONDS);
      receiver.stop(0);
    }
  }

  private void runClass(long agentPid, String[] cls, int index, int count, int perSecond)
      throws Exception {
    List<String> expected = new ArrayList<>(count);
    // one small shell forks the processes (a JVM forks far slower on a busy host): the harness
    // writes one background command per period to its stdin
    Process shell = new ProcessBuilder("/bin/sh").redirectErrorStream(true).start();
    long cpu0 = cpuTicks(agentPid);
    long t0 = System.nanoTime();
    long peakRss = 0;
    long periodNanos = 1_000_000_000L / perSecond;
    try (PrintStream in = new PrintStream(shell.getOutputStream(), true, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        String tag = String.format(Locale.ROOT, "0.0000000%d%06d", index + 1, i);
        String cmd = cls[2].isEmpty() ? cls[1] + " " + tag : cls[1] + " " + cls[2] + " " + tag;
        expected.add(cmd);
        in.println(cmd + " &");
        long wait = t0 + (i + 1) * periodNanos - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (i % perSecond == 0) {
          peakRss = Math.max(peakRss, rssKb(agentPid));
        }
      }
      in.println("wait; exit");
    }
    long elapsed = System.nanoTime() - t0;
    long cpu1 = cpuTicks(agentPid);
    shell.waitFor(60, TimeUnit.SECONDS);
    // delivered within a batch timeout (1 s): wait until nothing new arrives for 3 s
    long complete = -1;
    long stableSince = System.nanoTime();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      long now = expected.stream().filter(commandLines::contains).count();
      if (now != complete) {
        complete = now;
        stableSince = System.nanoTime();
      } else if (complete == count || System.nanoTime() - stableSince > 3_000_000_000L) {
        break;
      }
      Thread.sleep(250);
    }
    double cpuPct = (cpu1 - cpu0) * 10.0 * 100 / (elapsed / 1_000_000.0); // 100 Hz ticks
    OUT.printf(
        Locale.ROOT,
        "%-22s %8d %7.1f/s %10d %8.2f%% %11.1f%% %8d MB%n",
        cls[0],
        count,
        count / (elapsed / 1e9),
        complete,
        100.0 * complete / count,
        cpuPct,
        peakRss / 1024);
  }

  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static Process startAgent(Path jar, int port, Path data, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder b =
        new ProcessBuilder(
                java,
                "-Xmx32m",
                "-Xss256k",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:MaxMetaspaceSize=48m",
                "-XX:ReservedCodeCacheSize=16m",
                "-XX:CICompilerCount=1",
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = b.environment();
    env.keySet().removeIf(k -> k.startsWith("TOCSIN_AGENT_"));
    env.put("TOCSIN_AGENT_SERVER", "http://127.0.0.1:" + port);
    env.put("TOCSIN_AGENT_API_KEY", "bench");
    env.put("TOCSIN_AGENT_DATA_DIR", data.toString());
    env.put("TOCSIN_AGENT_HOST_ID", "bench-host");
    env.put("TOCSIN_AGENT_NETWORK", "false");
    env.put("TOCSIN_AGENT_BATCH_TIMEOUT", "1");
    return b.start();
  }

  private HttpServer receiver() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    return server;
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] raw;
    try (InputStream in = ex.getRequestBody()) {
      raw = in.readAllBytes();
    }
    if (ex.getRequestURI().getPath().equals("/api/v1/events")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        for (JsonNode e : JSON.readTree(in.readAllBytes())) {
          if (e.path("event").path("action").asString().equals("start")) {
            commandLines.add(e.path("process").path("command_line").asString());
          }
        }
      }
    }
    byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(
        ex.getRequestURI().getPath().endsWith("/submit/") ? 201 : 200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
