package io.tocsin.agent.deliver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON file the running agent rewrites periodically with its stats, so {@code tocsin-agent
 * status} (another process) can print them.
 */
public final class StateFile {

  private StateFile() {}

  public static void write(Path file, Map<String, Object> state) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, EventCodec.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    return new LinkedHashMap<>(EventCodec.JSON.readValue(Files.readAllBytes(file), Map.class));
  }
}
