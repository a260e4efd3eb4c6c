package io.tocsin.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The glob automaton agrees with the RE2 translation of {@link Regexes#glob} and costs linear time:
 * issue 20, where {@code '*a*a*a*ab'} on a 4,096-character path ran past 60 s.
 */
class GlobMatcherTest {

  @Property(tries = 2000)
  void agreesWithRe2(@ForAll("globs") String glob, @ForAll("values") String value) {
    boolean re2 = Pattern.compile(Regexes.glob(glob)).matcher(value).find();

    assertThat(GlobMatcher.compile(glob).matches(value)).as(glob + " on " + value).isEqualTo(re2);
  }

  @Provide
  Arbitrary<String> globs() {
    return Arbitraries.of("a", "b", "/", "*", "**", "?", "\\*", "\\", "**/", "/**/")
        .list()
        .ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings().withChars("ab/*\\").ofMaxLength(12);
  }

  @Test
  void issueInputsMatchAsBeforeAndQuickly() {
    String path = "/" + "a".repeat(4095);
    assertThat(GlobMatcher.compile("*a*a*a*ab").matches(path)).isFalse();
    assertThat(GlobMatcher.compile("*a*a*a*ab").matches("xaaaab")).isTrue();
    assertThat(GlobMatcher.compile("*a*a*a*a*a*ab").matches("a".repeat(256))).isFalse();
    assertThat(GlobMatcher.compile("**/**/**/**/x").matches("/".repeat(4096))).isFalse();
    assertThat(GlobMatcher.compile("**/**/**/**/x").matches("a/b/x")).isTrue();
    assertThat(GlobMatcher.compile("/tmp/**/*.sh").matches("/tmp/a/b/x.sh")).isTrue();
    assertThat(GlobMatcher.compile("/tmp/*.sh").matches("/tmp/a/x.sh")).isFalse();
  }

  @Test
  void costGrowsLinearlyInValueLength() {
    GlobMatcher glob = GlobMatcher.compile("*a*a*a*a*a*ab");
    long small = glob.cost("a".repeat(1_000));
    long large = glob.cost("a".repeat(8_000));

    // 8x the input: about 8x the work (a backtracking matcher does ~8^6 x).
    assertThat((double) large / small).isBetween(6.0, 10.0);
    assertThat(large).isLessThanOrEqualTo(8_001L * glob.size());
  }

  @Test
  void costGrowsLinearlyInPatternLength() {
    String value = "a".repeat(4_000);
    long small = GlobMatcher.compile("*a".repeat(8) + "b").cost(value);
    long large = GlobMatcher.compile("*a".repeat(64) + "b").cost(value);

    assertThat((double) large / small).isBetween(4.0, 10.0);
  }
}
