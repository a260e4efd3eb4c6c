package io.tocsin.agent.cli;

import io.tocsin.agent.Agent;
import io.tocsin.agent.config.AgentConfig;
import io.tocsin.agent.config.ConfigException;
import io.tocsin.agent.config.ConfigLoader;
import io.tocsin.agent.config.Setting;
import io.tocsin.agent.deliver.ServerClient;
import io.tocsin.agent.deliver.StateFile;
import io.tocsin.agent.respond.QuarantineStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Entry point of {@code tocsin-agent.jar}. */
public final class Main {

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  Main(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    int code = new Main(System.getenv(), System.out, System.err).run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs a command; returns the process exit code ({@code run} blocks until shutdown). */
  int run(String[] args) {
    List<String> rest = new ArrayList<>();
    Path configFile = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        configFile = Path.of(args[++i]);
      } else if (args[i].startsWith("--config=")) {
        configFile = Path.of(args[i].substring("--config=".length()));
      } else {
        rest.add(args[i]);
      }
    }
    String command = rest.isEmpty() ? "run" : rest.get(0);
    try {
      return switch (command) {
        case "run" -> runAgent(ConfigLoader.load(env, configFile, true));
        case "status" -> status(ConfigLoader.load(env, configFile, false));
        case "quarantine" -> listQuarantine(ConfigLoader.load(env, configFile, false));
        case "restore" -> restore(ConfigLoader.load(env, configFile, false), rest);
        case "help", "--help", "-h" -> help(0);
        default -> {
          err.println("unknown command [" + command + "]");
          yield help(2);
        }
      };
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    }
  }

  private int runAgent(AgentConfig config) {
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      Agent agent = new Agent(config, Clock.systemUTC());
      StatusServer status =
          config.statusPort() > 0 ? new StatusServer(config.statusPort(), agent::state) : null;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    if (status != null) {
                      status.close();
                    }
                    agent.close();
                    stopped.countDown();
                  },
                  "tocsin-shutdown"));
      agent.start();
      stopped.await();
      return 0;
    } catch (IOException e) {
      err.println("cannot start the agent: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private int status(AgentConfig config) {
    int code = 0;
    ServerClient client =
        new ServerClient(config.server(), config.apiKey(), config.requestTimeout());
    try {
      ServerClient.Response r = client.get("api/v1/health");
      out.println("server " + config.server() + ": HTTP " + r.status() + " " + r.body());
      if (!r.ok()) {
        code = 1;
      }
    } catch (IOException e) {
      out.println("server " + config.server() + ": UNREACHABLE (" + e + ")");
      code = 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    try {
      Map<String, Object> state = StateFile.read(config.stateFile());
      if (state.isEmpty()) {
        out.println("agent: no state file at " + config.stateFile() + " (not running?)");
      } else {
        state.forEach((k, v) -> out.println(k + ": " + v));
      }
    } catch (IOException e) {
      out.println("agent: unreadable state file " + config.stateFile() + ": " + e.getMessage());
    }
    return code;
  }

  private int listQuarantine(AgentConfig config) {
    try {
      List<QuarantineStore.Manifest> list =
          new QuarantineStore(config.quarantineDir(), Clock.systemUTC()).list();
      if (list.isEmpty()) {
        out.println("quarantine is empty (" + config.quarantineDir() + ")");
      }
      list.forEach(
          m ->
              out.println(
                  m.id() + "  " + m.originalPath() + "  " + m.sha256() + "  " + m.quarantinedAt()));
      return 0;
    } catch (IOException e) {
      err.println("cannot read quarantine: " + e.getMessage());
      return 1;
    }
  }

  private int restore(AgentConfig config, List<String> rest) {
    if (rest.size() != 2) {
      err.println("usage: tocsin-agent restore <quarantine-id>");
      return 2;
    }
    try {
      QuarantineStore.Manifest m =
          new QuarantineStore(config.quarantineDir(), Clock.systemUTC()).restore(rest.get(1));
      out.println("restored " + m.originalPath());
      return 0;
    } catch (IOException e) {
      err.println("restore failed: " + e.getMessage());
      return 1;
    }
  }

  private int help(int code) {
    PrintStream p = code == 0 ? out : err;
    p.println(
        "usage: java -jar tocsin-agent.jar [--config FILE] [run|status|quarantine|restore ID|help]");
    p.println();
    p.println("Settings (environment variables; the same keys in the --config properties file):");
    for (Setting s : Setting.values()) {
      String aliases =
          s.aliases().isEmpty() ? "" : " (alias " + String.join(", ", s.aliases()) + ")";
      String def = s.defaultValue() == null ? "" : " [default " + s.defaultValue() + "]";
      p.println("  " + s.envName() + aliases + ": " + s.description() + def);
    }
    return code;
  }
}
