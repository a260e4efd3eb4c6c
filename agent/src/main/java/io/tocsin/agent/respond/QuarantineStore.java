package io.tocsin.agent.respond;

import io.tocsin.agent.collect.ExeHasher;
import io.tocsin.agent.deliver.EventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The quarantine folder: each quarantined file lives in {@code <dir>/<id>/content} with its
 * permissions stripped to owner read/write, next to a {@code manifest.json} recording where it came
 * from, so it can be restored.
 */
public final class QuarantineStore {

  /** What was quarantined, from where. */
  public record Manifest(
      String id,
      String originalPath,
      String sha256,
      long size,
      String permissions,
      String quarantinedAt,
      String commandId) {}

  private final Path dir;
  private final Clock clock;

  public QuarantineStore(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** Moves {@code file} into quarantine. */
  public Manifest quarantine(Path file, String commandId) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("not a regular file: " + file);
    }
    Path source = file.toAbsolutePath().normalize();
    String id = UUID.randomUUID().toString();
    Path entry = dir.resolve(id);
    Files.createDirectories(entry);
    String perms = permissions(source);
    Manifest manifest =
        new Manifest(
            id,
            source.toString(),
            ExeHasher.sha256(source),
            Files.size(source),
            perms,
            clock.instant().toString(),
            commandId);
    Path content = entry.resolve("content");
    try {
      Files.move(source, content, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // another filesystem: copy then delete
      Files.copy(source, content, StandardCopyOption.COPY_ATTRIBUTES);
      Files.delete(source);
    }
    setPermissions(content, "rw-------");
    Files.write(entry.resolve("manifest.json"), EventCodec.JSON.writeValueAsBytes(manifest));
    return manifest;
  }

  /** Moves a quarantined file back to its original path (refusing to overwrite). */
  public Manifest restore(String id) throws IOException {
    Manifest m = manifest(id);
    Path entry = dir.resolve(id);
    Path target = Path.of(m.originalPath());
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("refusing to overwrite existing " + target);
    }
    Files.createDirectories(target.getParent());
    Path content = entry.resolve("content");
    try {
      Files.move(content, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.copy(content, target);
      Files.delete(content);
    }
    if (m.permissions() != null) {
      setPermissions(target, m.permissions());
    }
    Files.delete(entry.resolve("manifest.json"));
    Files.delete(entry);
    return m;
  }

  public Manifest manifest(String id) throws IOException {
    if (!id.matches("[0-9a-f-]{36}")) {
      throw new IOException("not a quarantine id: " + id);
    }
    Path file = dir.resolve(id).resolve("manifest.json");
    if (!Files.exists(file)) {
      throw new IOException("no quarantined file with id " + id);
    }
    return EventCodec.JSON.readValue(Files.readAllBytes(file), Manifest.class);
  }

  /** Every quarantined file. */
  public List<Manifest> list() throws IOException {
    List<Manifest> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path e : entries.sorted().toList()) {
        if (Files.exists(e.resolve("manifest.json"))) {
          out.add(manifest(e.getFileName().toString()));
        }
      }
    }
    return out;
  }

  public Path dir() {
    return dir;
  }

  private static String permissions(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (UnsupportedOperationException | IOException e) {
      return null;
    }
  }

  private static void setPermissions(Path file, String perms) {
    try {
      Set<PosixFilePermission> p = PosixFilePermissions.fromString(perms);
      Files.setPosixFilePermissions(file, p);
    } catch (UnsupportedOperationException | IOException | IllegalArgumentException e) {
      // non-POSIX filesystem: the move alone neutralises the path
    }
  }
}
