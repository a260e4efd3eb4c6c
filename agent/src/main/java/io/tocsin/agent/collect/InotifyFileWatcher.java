package io.tocsin.agent.collect;

import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recursive directory watching with Linux inotify via JNA: one watch per directory (new
 * subdirectories are added as they appear, up to a cap), {@code poll} with a timeout so the thread
 * stops promptly. Renames are paired by cookie within one read.
 */
final class InotifyFileWatcher implements FileWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(InotifyFileWatcher.class);
  private static final int MASK =
      Inotify.IN_CREATE
          | Inotify.IN_DELETE
          | Inotify.IN_CLOSE_WRITE
          | Inotify.IN_MOVED_FROM
          | Inotify.IN_MOVED_TO
          | Inotify.IN_ONLYDIR;
  private static final int MAX_WATCHES = 8192;

  private final List<Path> roots;
  private final FileActivity activity;
  private final int fd;
  private final Map<Integer, Path> watches = new HashMap<>();
  private volatile boolean running;
  private Thread thread;

  InotifyFileWatcher(List<Path> roots, FileActivity activity) {
    this.roots = List.copyOf(roots);
    this.activity = activity;
    this.fd = Inotify.inotify_init1(Inotify.IN_NONBLOCK | Inotify.IN_CLOEXEC);
    if (fd < 0) {
      throw new IllegalStateException("inotify_init1 failed");
    }
    roots.forEach(this::addTree);
  }

  private void addTree(Path root) {
    try (Stream<Path> dirs = Files.walk(root)) {
      dirs.filter(Files::isDirectory).forEach(this::addWatch);
    } catch (IOException | java.io.UncheckedIOException e) {
      LOG.warn("cannot walk {}: {}", root, e.toString());
    }
  }

  private void addWatch(Path dir) {
    if (watches.size() >= MAX_WATCHES) {
      LOG.warn("inotify watch cap {} reached, not watching {}", MAX_WATCHES, dir);
      return;
    }
    int wd = Inotify.inotify_add_watch(fd, dir.toString(), MASK);
    if (wd >= 0) {
      watches.put(wd, dir);
    } else {
      LOG.warn("inotify_add_watch failed for {}", dir);
    }
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::loop, "tocsin-inotify");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  private void loop() {
    byte[] pollfd = new byte[8];
    ByteBuffer.wrap(pollfd).order(ByteOrder.nativeOrder()).putInt(fd).putShort(Inotify.POLLIN);
    byte[] buf = new byte[64 * 1024];
    while (running) {
      int ready = Inotify.poll(pollfd, new NativeLong(1), 500);
      if (ready <= 0) {
        continue;
      }
      long n = Inotify.read(fd, buf, new NativeLong(buf.length)).longValue();
      if (n > 0) {
        try {
          dispatch(ByteBuffer.wrap(buf, 0, (int) n).order(ByteOrder.nativeOrder()));
        } catch (RuntimeException e) {
          LOG.warn("inotify event handling failed", e);
        }
      }
    }
    Inotify.close(fd);
  }

  private void dispatch(ByteBuffer b) {
    Map<Integer, Path> movedFrom = new HashMap<>();
    while (b.remaining() >= 16) {
      int wd = b.getInt();
      int mask = b.getInt();
      int cookie = b.getInt();
      int len = b.getInt();
      byte[] raw = new byte[len];
      b.get(raw);
      int end = 0;
      while (end < len && raw[end] != 0) {
        end++;
      }
      String name = new String(raw, 0, end, StandardCharsets.UTF_8);
      if ((mask & Inotify.IN_Q_OVERFLOW) != 0) {
        LOG.warn("inotify queue overflowed: some file events were lost");
        continue;
      }
      Path dir = watches.get(wd);
      if ((mask & Inotify.IN_IGNORED) != 0) {
        watches.remove(wd);
        continue;
      }
      if (dir == null || name.isEmpty()) {
        continue;
      }
      Path path = dir.resolve(name);
      handle(mask, cookie, path, movedFrom);
    }
    movedFrom.values().forEach(p -> activity.record("rename", p, null));
  }

  private void handle(int mask, int cookie, Path path, Map<Integer, Path> movedFrom) {
    boolean isDir = (mask & Inotify.IN_ISDIR) != 0;
    if ((mask & Inotify.IN_CREATE) != 0) {
      if (isDir) {
        addTree(path);
      }
      activity.record("create", path, null);
    } else if ((mask & Inotify.IN_CLOSE_WRITE) != 0) {
      activity.record("modify", path, null);
    } else if ((mask & Inotify.IN_DELETE) != 0) {
      activity.record("delete", path, null);
    } else if ((mask & Inotify.IN_MOVED_FROM) != 0) {
      movedFrom.put(cookie, path);
    } else if ((mask & Inotify.IN_MOVED_TO) != 0) {
      if (isDir) {
        addTree(path);
      }
      Path from = movedFrom.remove(cookie);
      activity.record(
          from == null ? "create" : "rename",
          from == null ? path : from,
          from == null ? null : path);
    }
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
