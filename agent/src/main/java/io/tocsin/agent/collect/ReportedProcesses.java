package io.tocsin.agent.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes (pid + start time, {@link ProcessInfo#key()}) this agent has already reported, kept
 * in a file of the data directory so a restarted agent does not report the same running process
 * again as {@code already_running}. Only processes that still run are kept; thread-safe.
 */
public final class ReportedProcesses {

  private static final Logger LOG = LoggerFactory.getLogger(ReportedProcesses.class);

  private final Path file;
  private final Map<String, Long> keys = new HashMap<>();
  private boolean dirty;

  /** Loads {@code file} (missing or unreadable = nothing reported yet); null keeps it in memory. */
  public ReportedProcesses(Path file) {
    this.file = file;
    long loaded = System.nanoTime();
    if (file != null && Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            keys.put(line.trim(), loaded);
          }
        }
      } catch (IOException e) {
        LOG.warn(
            "cannot read {} ({}): running processes may be reported again", file, e.toString());
      }
    }
  }

  /** Records {@code key} as reported; true when it was not reported before. */
  public synchronized boolean markReported(String key) {
    if (keys.putIfAbsent(key, System.nanoTime()) == null) {
      dirty = true;
      return true;
    }
    return false;
  }

  public synchronized boolean isReported(String key) {
    return keys.containsKey(key);
  }

  /**
   * Forgets processes that are no longer running: keeps the keys of {@code running} (a table read
   * after {@code tableNanos}) and the keys marked after it (they may be newer than the table).
   */
  public synchronized void retain(Collection<String> running, long tableNanos) {
    Set<String> live = new HashSet<>(running);
    if (keys.entrySet()
        .removeIf(e -> !live.contains(e.getKey()) && e.getValue() - tableNanos < 0)) {
      dirty = true;
    }
  }

  /** Writes the file atomically when something changed. */
  public void save() {
    List<String> lines;
    synchronized (this) {
      if (file == null || !dirty) {
        return;
      }
      lines = List.copyOf(keys.keySet());
      dirty = false;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      synchronized (this) {
        dirty = true;
      }
      LOG.warn("cannot write {}: {}", file, e.toString());
    }
  }

  public synchronized int size() {
    return keys.size();
  }
}
