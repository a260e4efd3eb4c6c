package io.tocsin.agent.respond;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code isolate_host} and {@code release_host} (Linux, nftables). The server's name is resolved
 * when isolating, and only those addresses stay reachable (DNS itself is blocked). Elsewhere both
 * report failure.
 */
public final class IsolationAction {

  private static final Logger LOG = LoggerFactory.getLogger(IsolationAction.class);

  /** Resolves the server host; tests pass a fixed answer. */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  /** The host's DNS resolvers; tests pass a fixed answer. */
  @FunctionalInterface
  public interface Nameservers {
    List<InetAddress> list();
  }

  private final URI server;
  private final boolean enabled;
  private final CommandRunner runner;
  private final Resolver resolver;
  private final Nameservers nameservers;
  private final boolean linux;

  public IsolationAction(
      URI server,
      boolean enabled,
      CommandRunner runner,
      Resolver resolver,
      Nameservers nameservers,
      boolean linux) {
    this.server = server;
    this.enabled = enabled;
    this.runner = runner;
    this.resolver = resolver;
    this.nameservers = nameservers;
    this.linux = linux;
  }

  /**
   * Nameservers from {@code /etc/resolv.conf}, plus systemd-resolved's upstream servers when the
   * configured one is its loopback stub.
   */
  public static Nameservers resolvConf() {
    return () -> {
      List<InetAddress> out = new java.util.ArrayList<>();
      for (String file : List.of("/etc/resolv.conf", "/run/systemd/resolve/resolv.conf")) {
        try {
          for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(file))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 2 && parts[0].equals("nameserver")) {
              InetAddress a = InetAddress.getByName(parts[1]);
              if (!out.contains(a)) {
                out.add(a);
              }
            }
          }
        } catch (IOException e) {
          // absent: nothing to allow from this file
        }
      }
      return out;
    };
  }

  public static Resolver dns() {
    return host -> Arrays.asList(InetAddress.getAllByName(host));
  }

  public ResponseAction isolate() {
    return action("isolate_host", true);
  }

  public ResponseAction release() {
    return action("release_host", false);
  }

  private ResponseAction action(String type, boolean isolate) {
    return new ResponseAction() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public CommandResult execute(Command command) {
        return isolate ? doIsolate() : doRelease();
      }
    };
  }

  int serverPort() {
    if (server.getPort() > 0) {
      return server.getPort();
    }
    return "https".equalsIgnoreCase(server.getScheme()) ? 443 : 80;
  }

  private CommandResult doIsolate() {
    Map<String, Object> details = new LinkedHashMap<>();
    String ruleset;
    try {
      List<InetAddress> addresses = resolver.resolve(server.getHost());
      ruleset = NftRuleset.isolate(addresses, serverPort(), nameservers.list());
    } catch (UnknownHostException e) {
      return CommandResult.failed("cannot resolve server " + server.getHost(), details);
    }
    details.put("ruleset", ruleset);
    details.put("command", String.join(" ", NftRuleset.applyCommand()));
    if (!linux) {
      return CommandResult.failed(
          "host isolation is implemented for Linux (nftables) only", details);
    }
    if (!enabled) {
      LOG.warn("DRY RUN: would isolate the host with nftables ruleset:\n{}", ruleset);
      return CommandResult.dryRun("would apply nftables table inet " + NftRuleset.TABLE, details);
    }
    return run(NftRuleset.applyCommand(), ruleset, "host isolated", details);
  }

  private CommandResult doRelease() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("command", String.join(" ", NftRuleset.releaseCommand()));
    if (!linux) {
      return CommandResult.failed(
          "host isolation is implemented for Linux (nftables) only", details);
    }
    if (!enabled) {
      LOG.warn("DRY RUN: would release isolation ({})", details.get("command"));
      return CommandResult.dryRun("would delete nftables table inet " + NftRuleset.TABLE, details);
    }
    return run(NftRuleset.releaseCommand(), null, "isolation released", details);
  }

  private CommandResult run(
      List<String> argv, String stdin, String success, Map<String, Object> details) {
    try {
      CommandRunner.Result r = runner.run(argv, stdin);
      details.put("exit_code", r.exitCode());
      details.put("output", r.output());
      if (r.exitCode() == 0) {
        LOG.warn(success);
        return CommandResult.succeeded(success, details);
      }
      return CommandResult.failed(String.join(" ", argv) + " exited " + r.exitCode(), details);
    } catch (IOException e) {
      return CommandResult.failed("cannot run " + argv.get(0) + ": " + e.getMessage(), details);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandResult.failed("interrupted", details);
    }
  }
}
