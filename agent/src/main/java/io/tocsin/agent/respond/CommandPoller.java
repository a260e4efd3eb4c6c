package io.tocsin.agent.respond;

import io.tocsin.agent.deliver.AgentStats;
import io.tocsin.agent.deliver.EventCodec;
import io.tocsin.agent.deliver.ServerClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Polls {@code GET /api/v1/agents/{host_id}/commands}, executes each pending command once and posts
 * its result to {@code .../commands/{id}/result}. A result that could not be posted is kept and
 * re-posted on the next poll without executing the command again.
 */
public final class CommandPoller {

  private static final Logger LOG = LoggerFactory.getLogger(CommandPoller.class);
  private static final int REMEMBERED = 1000;

  private final ServerClient client;
  private final String hostId;
  private final Map<String, ResponseAction> actions = new LinkedHashMap<>();
  private final AgentStats stats;
  private final Map<String, CommandResult> done =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CommandResult> eldest) {
          return size() > REMEMBERED;
        }
      };
  private final Map<String, CommandResult> unreported = new LinkedHashMap<>();

  public CommandPoller(
      ServerClient client, String hostId, List<ResponseAction> actions, AgentStats stats) {
    this.client = client;
    this.hostId = hostId;
    actions.forEach(a -> this.actions.put(a.type(), a));
    this.stats = stats;
  }

  /** One poll; returns the results produced by this poll (for tests and logs). */
  public synchronized Map<String, CommandResult> pollOnce() throws InterruptedException {
    Map<String, CommandResult> produced = new LinkedHashMap<>();
    retryUnreported();
    List<Command> commands;
    try {
      ServerClient.Response r = client.get(base());
      if (!r.ok()) {
        LOG.debug("command poll answered HTTP {}", r.status());
        return produced;
      }
      commands = parse(r.body());
    } catch (IOException | RuntimeException e) {
      LOG.debug("command poll failed: {}", e.toString());
      return produced;
    }
    for (Command c : commands) {
      if (!"pending".equals(c.status()) || done.containsKey(c.id())) {
        continue;
      }
      CommandResult result = execute(c);
      done.put(c.id(), result);
      produced.put(c.id(), result);
      stats.commandsExecuted.incrementAndGet();
      if (!report(c.id(), result)) {
        unreported.put(c.id(), result);
      }
    }
    return produced;
  }

  private CommandResult execute(Command c) {
    ResponseAction action = actions.get(c.type());
    if (action == null) {
      return CommandResult.failed("unsupported command type [" + c.type() + "]", Map.of());
    }
    LOG.info("executing command {} {} {}", c.id(), c.type(), c.parameters());
    try {
      return action.execute(c);
    } catch (RuntimeException e) {
      LOG.error("command {} failed", c.id(), e);
      return CommandResult.failed(e.toString(), Map.of());
    }
  }

  private void retryUnreported() throws InterruptedException {
    for (String id : new ArrayList<>(unreported.keySet())) {
      if (report(id, unreported.get(id))) {
        unreported.remove(id);
      }
    }
  }

  private boolean report(String id, CommandResult result) throws InterruptedException {
    try {
      String path = base() + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/result";
      ServerClient.Response r = client.postJson(path, result.toJson());
      if (r.ok() || (r.status() >= 400 && r.status() < 500 && r.status() != 429)) {
        return true; // delivered, or refused for good: do not re-post forever
      }
    } catch (IOException e) {
      LOG.debug("cannot report result of {}: {}", id, e.toString());
    }
    return false;
  }

  private String base() {
    return "api/v1/agents/" + URLEncoder.encode(hostId, StandardCharsets.UTF_8) + "/commands";
  }

  static List<Command> parse(String body) {
    JsonNode root = EventCodec.JSON.readTree(body);
    List<Command> out = new ArrayList<>();
    JsonNode list = root.path("commands");
    for (JsonNode n : list) {
      @SuppressWarnings("unchecked")
      Map<String, Object> params =
          n.has("parameters")
              ? EventCodec.JSON.convertValue(n.get("parameters"), Map.class)
              : Map.of();
      out.add(
          new Command(
              n.path("id").asString(),
              n.path("type").asString(),
              params,
              n.path("status").asString("pending")));
    }
    return out;
  }
}
