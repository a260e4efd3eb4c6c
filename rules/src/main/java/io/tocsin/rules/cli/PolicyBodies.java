package io.tocsin.rules.cli;

import io.tocsin.rules.source.ParsedFile;
import io.tocsin.rules.source.PolicyDirectory;
import io.tocsin.rules.source.YamlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Policy files as the API takes them: the file's tree without the members that live only in files
 * (samples and notes).
 */
final class PolicyBodies {

  static final Set<String> FILE_ONLY = Set.of("samples", "false_positives", "references");

  private PolicyBodies() {}

  static List<Map<String, Object>> read(Path dir) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Path file : PolicyDirectory.policyFiles(dir)) {
      out.add(body(file));
    }
    return out;
  }

  static Map<String, Object> body(Path file) {
    try {
      ParsedFile parsed = YamlFiles.parse(file.toString(), Files.readString(file));
      Map<String, Object> body =
          new LinkedHashMap<>(parsed.tree() == null ? Map.of() : parsed.tree());
      body.keySet().removeAll(FILE_ONLY);
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
