package io.tocsin.api.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Loads a seed request body as printed, filling only {@code ${name}} placeholders. */
final class SeedRequests {

  private SeedRequests() {}

  static String body(String file, Map<String, String> values) {
    String text;
    try (InputStream in = SeedRequests.class.getResourceAsStream("/seeds/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no seed request " + file);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("${" + value.getKey() + "}", value.getValue());
    }
    return text;
  }

  static String body(String file) {
    return body(file, Map.of());
  }
}
