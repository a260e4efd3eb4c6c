package io.tocsin.agent.collect;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Watches directory trees and reports file operations to a {@link FileActivity}. */
public interface FileWatcher extends Closeable {

  /** Starts watching on a named daemon thread. */
  void start();

  @Override
  void close();

  /** inotify (through JNA) on Linux, the JDK {@code WatchService} elsewhere or as a fallback. */
  static FileWatcher create(List<Path> roots, FileActivity activity) {
    Logger log = LoggerFactory.getLogger(FileWatcher.class);
    if (com.sun.jna.Platform.isLinux()) {
      try {
        return new InotifyFileWatcher(roots, activity);
      } catch (RuntimeException | LinkageError e) {
        log.warn("inotify unavailable ({}), falling back to WatchService", e.toString());
      }
    }
    return new JdkFileWatcher(roots, activity);
  }
}
