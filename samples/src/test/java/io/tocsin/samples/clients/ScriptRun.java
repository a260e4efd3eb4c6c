package io.tocsin.samples.clients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One run of a client script as a child process: its output (stdout and stderr together), its exit
 * code, bounded by a timeout. An optional responder answers the script's prompt: it sees each
 * output line and may return a line to type in.
 */
record ScriptRun(int exitCode, String output) {

  static final Duration TIMEOUT = Duration.ofMinutes(4);

  static ScriptRun run(
      List<String> command, Path dir, Map<String, String> env, Function<String, String> responder)
      throws IOException, InterruptedException {
    ProcessBuilder b =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    b.environment().putAll(env);
    Process p = b.start();
    List<String> lines = new ArrayList<>();
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                  OutputStream in = p.getOutputStream()) {
                for (String line; (line = out.readLine()) != null; ) {
                  synchronized (lines) {
                    lines.add(line);
                  }
                  String answer = responder.apply(line);
                  if (answer != null) {
                    in.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                  }
                }
              } catch (IOException e) {
                synchronized (lines) {
                  lines.add("[reading the script's output failed: " + e + "]");
                }
              }
            });
    boolean exited = p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    reader.orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
    synchronized (lines) {
      String output = String.join("\n", lines);
      return new ScriptRun(exited ? p.exitValue() : -1, exited ? output : output + "\n[timed out]");
    }
  }
}
