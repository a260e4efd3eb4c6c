package io.tocsin.api.cyberpulse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The documented formula, term by term, and its bounds. */
class SecurityScoreTest {

  @Test
  void nothingOpenAndEveryAgentOnlineThen100() {
    assertThat(new SecurityScore(0, 0, 0, 0, 3, 3).score()).isEqualTo(100);
    assertThat(new SecurityScore(0, 0, 0, 0, 0, 0).score())
        .as("no hosts: no agent penalty")
        .isEqualTo(100);
  }

  @Test
  void eachTermCostsItsWeight() {
    assertThat(new SecurityScore(1, 0, 0, 0, 0, 0).score()).isEqualTo(90);
    assertThat(new SecurityScore(0, 1, 0, 0, 0, 0).score()).isEqualTo(96);
    assertThat(new SecurityScore(0, 0, 1, 0, 0, 0).score()).isEqualTo(99);
    assertThat(new SecurityScore(0, 0, 0, 1, 0, 0).score()).isEqualTo(95);
    assertThat(new SecurityScore(0, 0, 0, 0, 4, 2).score()).as("half offline").isEqualTo(95);
    assertThat(new SecurityScore(2, 1, 3, 1, 0, 0).score()).isEqualTo(100 - 20 - 4 - 3 - 5);
  }

  @Test
  void eachTermIsCappedAndTheScoreNeverGoesBelowZero() {
    assertThat(new SecurityScore(100, 0, 0, 0, 0, 0).score()).isEqualTo(60);
    assertThat(new SecurityScore(0, 100, 0, 0, 0, 0).score()).isEqualTo(80);
    assertThat(new SecurityScore(0, 0, 100, 0, 0, 0).score()).isEqualTo(90);
    assertThat(new SecurityScore(0, 0, 0, 100, 0, 0).score()).isEqualTo(80);
    assertThat(new SecurityScore(100, 100, 100, 100, 10, 0).score()).isEqualTo(0);
  }
}
