package io.tocsin.agent.respond;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an OS command (e.g. {@code nft}); tests inject a recorder instead. */
@FunctionalInterface
public interface CommandRunner {

  /** Exit code and combined output. */
  record Result(int exitCode, String output) {}

  Result run(List<String> argv, String stdin) throws IOException, InterruptedException;

  /** Runs the real command with a 30 s limit. */
  CommandRunner SYSTEM =
      (argv, stdin) -> {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
          if (stdin != null) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
          }
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return new Result(-1, "timed out");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.exitValue(), out);
      };
}
