package io.tocsin.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps codes, docs and tests in step: every code the sources emit is documented in
 * docs/language.md, and every documented code is exercised by a spec file or by ConditionsTest.
 */
class DiagnosticCodesTest {

  private static final Pattern CODE_LITERAL = Pattern.compile("\"([A-Z]+_[A-Z_]+)\"");
  private static final Pattern DOC_ROW = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|");
  private static final Pattern SPEC_CODE = Pattern.compile("(?m)^(?:!!|~~) ([A-Z_]+) ");

  @Test
  void everyEmittedCodeIsDocumentedAndTested() throws IOException {
    Set<String> emitted = matches(Path.of("src/main/java"), CODE_LITERAL);
    Set<String> documented = new TreeSet<>();
    collect(Files.readString(Path.of("../docs/language.md")), DOC_ROW, documented);
    Set<String> tested = matches(Path.of("src/test/resources/spec"), SPEC_CODE);
    tested.addAll(Set.of("TOO_LONG", "TOO_COMPLEX")); // asserted in ConditionsTest

    assertThat(emitted).hasSizeGreaterThan(15);
    assertThat(documented).containsAll(emitted);
    assertThat(emitted).containsAll(documented);
    assertThat(tested).containsAll(documented);
  }

  private static Set<String> matches(Path root, Pattern pattern) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        collect(Files.readString(file), pattern, out);
      }
    }
    return out;
  }

  private static void collect(String text, Pattern pattern, Set<String> out) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
  }
}
