package io.tocsin.agent.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segment files named {@code <sequence>-<eventCount>.json.gz} in one directory. A segment is
 * written to a temporary file, forced to disk and atomically renamed, so a crash never leaves a
 * half-written segment. Thread-safe.
 */
public final class Spool {

  private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
  private static final Pattern NAME = Pattern.compile("(\\d{16})-(\\d+)\\.json\\.gz");

  /** One stored batch. */
  public record Segment(Path path, long sequence, int count, long bytes) {

    public byte[] read() throws IOException {
      return Files.readAllBytes(path);
    }
  }

  private final Path dir;
  private final long maxBytes;
  private final Deque<Segment> segments = new ArrayDeque<>();
  private long totalBytes;
  private long nextSequence;
  private final LongConsumer onDropped;
  private long droppedEvents;

  /**
   * Opens (and recovers) the spool in {@code dir}.
   *
   * @param onDropped told how many events each bound-enforcement drop discarded
   */
  public Spool(Path dir, long maxBytes, LongConsumer onDropped) throws IOException {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.onDropped = onDropped;
    Files.createDirectories(dir);
    recover();
  }

  private void recover() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      files.sorted().forEach(this::adopt);
    }
    if (!segments.isEmpty()) {
      LOG.info("spool holds {} batches ({} events) from a previous run", segments.size(), events());
    }
  }

  private void adopt(Path file) {
    String name = file.getFileName().toString();
    Matcher m = NAME.matcher(name);
    try {
      if (m.matches()) {
        long seq = Long.parseLong(m.group(1));
        long size = Files.size(file);
        segments.addLast(new Segment(file, seq, Integer.parseInt(m.group(2)), size));
        totalBytes += size;
        nextSequence = Math.max(nextSequence, seq + 1);
      } else if (name.endsWith(".tmp")) {
        Files.deleteIfExists(file); // an append interrupted by a crash
      }
    } catch (IOException e) {
      LOG.warn("ignoring unreadable spool file {}: {}", file, e.toString());
    }
  }

  /** Stores one batch durably, then enforces the bound by dropping the oldest segments. */
  public synchronized void append(byte[] body, int count) throws IOException {
    long seq = nextSequence++;
    Path target = dir.resolve(String.format("%016d-%d.json.gz", seq, count));
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(body);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory();
    segments.addLast(new Segment(target, seq, count, body.length));
    totalBytes += body.length;
    enforceBound();
  }

  private void enforceBound() throws IOException {
    while (totalBytes > maxBytes && !segments.isEmpty()) {
      Segment oldest = segments.peekFirst();
      remove(oldest);
      droppedEvents += oldest.count();
      onDropped.accept(oldest.count());
      LOG.warn(
          "spool over {} bytes: dropped oldest batch {} ({} events)",
          maxBytes,
          oldest.sequence(),
          oldest.count());
    }
  }

  private void syncDirectory() {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not supported on every platform; the file itself was forced
    }
  }

  /** The oldest stored batch, if any. */
  public synchronized Optional<Segment> oldest() {
    return Optional.ofNullable(segments.peekFirst());
  }

  /**
   * Replaces a segment's content (what is left of it after a partial delivery), keeping its place:
   * the new file keeps the sequence number and is renamed into place before the old one is deleted.
   */
  public synchronized void replace(Segment segment, byte[] body, int count) throws IOException {
    if (!segments.contains(segment)) {
      return;
    }
    Path target = dir.resolve(String.format("%016d-%d.json.gz", segment.sequence(), count));
    if (target.equals(segment.path())) {
      return;
    }
    Path tmp = dir.resolve(target.getFileName() + ".tmp");
    Files.write(tmp, body);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    Files.deleteIfExists(segment.path());
    syncDirectory();
    Segment replacement = new Segment(target, segment.sequence(), count, body.length);
    Deque<Segment> rebuilt = new ArrayDeque<>(segments.size());
    for (Segment s : segments) {
      rebuilt.addLast(s.equals(segment) ? replacement : s);
    }
    segments.clear();
    segments.addAll(rebuilt);
    totalBytes += body.length - segment.bytes();
  }

  /** Deletes a segment (delivered, rejected or dropped). */
  public synchronized void remove(Segment segment) throws IOException {
    if (segments.remove(segment)) {
      totalBytes -= segment.bytes();
      Files.deleteIfExists(segment.path());
    }
  }

  public synchronized boolean isEmpty() {
    return segments.isEmpty();
  }

  public synchronized int batches() {
    return segments.size();
  }

  public synchronized long events() {
    return segments.stream().mapToLong(Segment::count).sum();
  }

  public synchronized long bytes() {
    return totalBytes;
  }

  /** Events dropped because the spool was full, since this instance was created. */
  public synchronized long droppedEvents() {
    return droppedEvents;
  }
}
