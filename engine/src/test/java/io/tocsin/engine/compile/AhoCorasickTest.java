package io.tocsin.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {

  private static TreeSet<Integer> scan(AhoCorasick ac, String text) {
    TreeSet<Integer> found = new TreeSet<>();
    ac.scan(text, found::add);
    return found;
  }

  @Test
  void findsEveryPatternIncludingOverlapsAndSuffixes() {
    AhoCorasick ac = AhoCorasick.build(List.of("he", "she", "his", "hers", "-enc"));
    assertThat(scan(ac, "ushers")).containsExactly(0, 1, 3);
    assertThat(scan(ac, "POWERSHELL -ENC")).containsExactly(0, 1, 4);
    assertThat(scan(ac, "nothing")).isEmpty();
  }

  @Test
  void agreesWithContainsOnManyPatterns() {
    List<String> patterns = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      patterns.add("tok" + i);
    }
    AhoCorasick ac = AhoCorasick.build(patterns);
    String text = "cmd /c tok7 tok123 xtok499y tok5";
    TreeSet<Integer> expected = new TreeSet<>();
    for (int i = 0; i < patterns.size(); i++) {
      if (text.contains(patterns.get(i))) {
        expected.add(i);
      }
    }
    assertThat(scan(ac, text)).isEqualTo(expected);
  }

  @Test
  void globRunsSkipWildcardsClassesAndAlternations() {
    assertThat(Indexability.longestGlobRun("/tmp/**/*.sh")).isEqualTo("/tmp/");
    assertThat(Indexability.longestGlobRun("*[abcdefgh]x{alpha,beta}yz")).isEqualTo("yz");
  }
}
