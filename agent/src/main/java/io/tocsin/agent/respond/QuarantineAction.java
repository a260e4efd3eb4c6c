package io.tocsin.agent.respond;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code quarantine {"path": "/abs/file"}} moves the file into the {@link QuarantineStore}; {@code
 * restore {"quarantine_id": "..."}} moves it back (restore is not destructive and always runs).
 */
public final class QuarantineAction {

  private static final Logger LOG = LoggerFactory.getLogger(QuarantineAction.class);

  private final QuarantineStore store;
  private final boolean enabled;

  public QuarantineAction(QuarantineStore store, boolean enabled) {
    this.store = store;
    this.enabled = enabled;
  }

  /** The {@code quarantine} action. */
  public ResponseAction quarantine() {
    return new ResponseAction() {
      @Override
      public String type() {
        return "quarantine";
      }

      @Override
      public CommandResult execute(Command command) {
        return doQuarantine(command);
      }
    };
  }

  /** The {@code restore} action. */
  public ResponseAction restore() {
    return new ResponseAction() {
      @Override
      public String type() {
        return "restore";
      }

      @Override
      public CommandResult execute(Command command) {
        return doRestore(command);
      }
    };
  }

  private CommandResult doQuarantine(Command command) {
    String path = command.text("path");
    if (path == null) {
      path = command.text("file_path");
    }
    if (path == null || !Path.of(path).isAbsolute()) {
      return CommandResult.failed("parameter path must be an absolute file path", Map.of());
    }
    Path file = Path.of(path);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("path", path);
    if (!Files.isRegularFile(file)) {
      return CommandResult.failed("no such regular file " + path, details);
    }
    if (!enabled) {
      LOG.warn("DRY RUN: would quarantine {}", path);
      details.put("quarantine_dir", store.dir().toString());
      return CommandResult.dryRun("would move " + path + " to " + store.dir(), details);
    }
    try {
      QuarantineStore.Manifest m = store.quarantine(file, command.id());
      details.put("quarantine_id", m.id());
      details.put("sha256", m.sha256());
      details.put("size", m.size());
      LOG.warn("quarantined {} as {}", path, m.id());
      return CommandResult.succeeded("quarantined " + path, details);
    } catch (IOException | RuntimeException e) {
      return CommandResult.failed("quarantine failed: " + e.getMessage(), details);
    }
  }

  private CommandResult doRestore(Command command) {
    String id = command.text("quarantine_id");
    if (id == null) {
      return CommandResult.failed("parameter quarantine_id is required", Map.of());
    }
    try {
      QuarantineStore.Manifest m = store.restore(id);
      LOG.warn("restored {} to {}", id, m.originalPath());
      return CommandResult.succeeded(
          "restored " + m.originalPath(), Map.of("path", m.originalPath(), "quarantine_id", id));
    } catch (IOException | RuntimeException e) {
      return CommandResult.failed("restore failed: " + e.getMessage(), Map.of("quarantine_id", id));
    }
  }
}
