package io.tocsin.dsl.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordsTest {

  @Test
  void everyWordTokenOfTheGrammarIsReservedAndNothingElse() {
    assertThat(Keywords.RESERVED)
        .containsExactly(
            "and",
            "or",
            "not",
            "in",
            "exists",
            "contains",
            "icontains",
            "startswith",
            "istartswith",
            "endswith",
            "iendswith",
            "matches",
            "glob",
            "iequals",
            "wildcard",
            "iwildcard",
            "true",
            "false");
  }

  @Test
  void operatorsLeaveOutTheBooleanLiterals() {
    assertThat(Keywords.OPERATORS).contains("and", "iwildcard").doesNotContain("true", "false");
  }

  @Test
  void reservedIgnoresCaseAndRejectsOrdinaryNames() {
    assertThat(Keywords.isReserved("ICONTAINS")).isTrue();
    assertThat(Keywords.isReserved("wildcard")).isTrue();
    assertThat(Keywords.isReserved("allowed_domains")).isFalse();
    assertThat(Keywords.isReserved("eq")).isFalse();
    assertThat(Keywords.isReserved(null)).isFalse();
  }
}
