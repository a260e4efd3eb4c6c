package io.tocsin.engine.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The published JSON Schema (draft 2020-12) of the policy document, for editors and CI. It names
 * exactly the members {@link PolicyDocument} accepts (a test holds the two together); conditions
 * are the language's business and stay plain strings here.
 */
public final class PolicySchema {

  public static final String RESOURCE = "/io/tocsin/engine/format/policy.schema.json";

  private static final String TEXT = load();

  private PolicySchema() {}

  /** The schema as JSON text. */
  public static String json() {
    return TEXT;
  }

  private static String load() {
    try (InputStream in = PolicySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
