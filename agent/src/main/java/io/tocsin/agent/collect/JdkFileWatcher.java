package io.tocsin.agent.collect;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Portable recursive watching with the JDK {@link WatchService} (polling on some platforms). */
final class JdkFileWatcher implements FileWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(JdkFileWatcher.class);

  private final FileActivity activity;
  private final WatchService service;
  private Thread thread;

  JdkFileWatcher(List<Path> roots, FileActivity activity) {
    this.activity = activity;
    try {
      this.service = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      throw new IllegalStateException("cannot create WatchService", e);
    }
    roots.forEach(this::registerTree);
  }

  private void registerTree(Path root) {
    try (Stream<Path> dirs = Files.walk(root)) {
      dirs.filter(Files::isDirectory)
          .forEach(
              d -> {
                try {
                  d.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
                } catch (IOException e) {
                  LOG.warn("cannot watch {}: {}", d, e.toString());
                }
              });
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.warn("cannot walk {}: {}", root, e.toString());
    }
  }

  @Override
  public void start() {
    thread = new Thread(this::loop, "tocsin-watchservice");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  private void loop() {
    try {
      while (true) {
        WatchKey key = service.take();
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == OVERFLOW) {
            LOG.warn("WatchService overflow: some file events were lost");
            continue;
          }
          Path path = dir.resolve((Path) event.context());
          if (event.kind() == ENTRY_CREATE) {
            if (Files.isDirectory(path)) {
              registerTree(path);
            }
            activity.record("create", path, null);
          } else if (event.kind() == ENTRY_DELETE) {
            activity.record("delete", path, null);
          } else {
            activity.record("modify", path, null);
          }
        }
        key.reset();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedWatchServiceException e) {
      LOG.debug("watch service closed");
    }
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      LOG.debug("closing WatchService: {}", e.toString());
    }
  }
}
