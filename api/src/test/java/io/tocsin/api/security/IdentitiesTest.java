package io.tocsin.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentitiesTest {

  @ParameterizedTest
  @ValueSource(strings = {"admin", "ADMIN", "  Admin\t", "\u00a0admin\u2003", "ＡＤＭＩＮ"})
  void variantsOfOneNameNormalizeToIt(String variant) {
    assertThat(Identities.normalize(variant)).isEqualTo("admin");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ad min", "admin2", "аdmin"})
  void differentNamesStayDifferent(String other) {
    assertThat(Identities.normalize(other)).isNotEqualTo("admin");
  }
}
