package io.tocsin.agent.collect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SHA-256 of executables, cached by path + modification time + size (a bounded LRU), skipping files
 * larger than a cap so one huge binary cannot stall a scan.
 */
public final class ExeHasher {

  private static final Logger LOG = LoggerFactory.getLogger(ExeHasher.class);
  private static final int MAX_ENTRIES = 4096;

  private record Stamp(long mtime, long size) {}

  private record Entry(Stamp stamp, String hash) {}

  private final long maxBytes;
  private final Map<String, Entry> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > MAX_ENTRIES;
        }
      };
  private long computed;

  public ExeHasher(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Lowercase hex SHA-256 of the file, or null when unreadable, missing or too large. */
  public synchronized String hash(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    Path file = Path.of(path);
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attrs.isRegularFile() || attrs.size() > maxBytes) {
        return null;
      }
      Stamp stamp = new Stamp(attrs.lastModifiedTime().toMillis(), attrs.size());
      Entry cached = cache.get(path);
      if (cached != null && cached.stamp().equals(stamp)) {
        return cached.hash();
      }
      String hash = sha256(file);
      computed++;
      cache.put(path, new Entry(stamp, hash));
      return hash;
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot hash {}: {}", path, e.toString());
      return null;
    }
  }

  /** How many files were actually read (cache misses); for tests and stats. */
  public synchronized long computedCount() {
    return computed;
  }

  public static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
