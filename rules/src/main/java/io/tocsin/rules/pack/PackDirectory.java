package io.tocsin.rules.pack;

import io.tocsin.rules.source.CheckReport;
import io.tocsin.rules.source.FileProblem;
import io.tocsin.rules.source.ParsedFile;
import io.tocsin.rules.source.PolicyDirectory;
import io.tocsin.rules.source.YamlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** A pack kept as a folder: {@code pack.yml} at its top, one policy file per policy below. */
public final class PackDirectory {

  private PackDirectory() {}

  /** Loads the pack; throws {@link IllegalArgumentException} listing every problem. */
  public static Pack load(Path dir) {
    Path manifest = dir.resolve("pack.yml");
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalArgumentException(dir + ": no pack.yml");
    }
    ParsedFile parsed;
    try {
      parsed = YamlFiles.parse("pack.yml", Files.readString(manifest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (parsed.tree() == null) {
      throw new IllegalArgumentException(parsed.problems().toString());
    }
    CheckReport report = PolicyDirectory.check(dir);
    if (!report.ok()) {
      throw new IllegalArgumentException(
          report.problems().stream()
              .filter(FileProblem::error)
              .map(FileProblem::toString)
              .collect(Collectors.joining("\n")));
    }
    return new Pack(PackManifest.of(parsed.tree()), report.policies());
  }
}
