package io.tocsin.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.error.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class CurrentPrincipalsTest {

  private final CurrentPrincipals principals =
      new CurrentPrincipals(Set.of("default", "acme")::contains);
  private final MockHttpServletRequest request = new MockHttpServletRequest();

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void userWithoutHeaderActsInHomeTenant() {
    authenticateUser("acme", "analyst");

    CurrentPrincipal principal = principals.current();

    assertThat(principal.tenantId()).isEqualTo("acme");
    assertThat(principal.role()).isEqualTo(Role.ANALYST);
    assertThat(principal.isPlatformAdmin()).isFalse();
  }

  @Test
  void adminOfOtherTenantNamingDefaultThen403() {
    authenticateUser("acme", "admin");
    request.addHeader(TenantHeader.NAME, "default");

    assertThatThrownBy(principals::current)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHORIZATION_ERROR));
  }

  @Test
  void platformAdminNamingTenantActsThere() {
    authenticateUser("default", "admin");
    request.addHeader(TenantHeader.NAME, "acme");

    CurrentPrincipal principal = principals.current();

    assertThat(principal.tenantId()).isEqualTo("acme");
    assertThat(principal.homeTenantId()).isEqualTo("default");
  }

  @Test
  void platformAdminNamingUnknownTenantThen404() {
    authenticateUser("default", "admin");
    request.addHeader(TenantHeader.NAME, "ghost");

    assertThatThrownBy(principals::current)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void agentActsInItsKeysTenantAndNeverAnother() {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    TestingAuthenticationToken agent =
        new TestingAuthenticationToken(
            new ApiKeyPrincipal("k1", "acme", "host-1", null),
            null,
            List.of(new SimpleGrantedAuthority(Authz.AGENT_AUTHORITY)));
    SecurityContextHolder.getContext().setAuthentication(agent);

    CurrentPrincipal principal = principals.current();
    assertThat(principal.isAgent()).isTrue();
    assertThat(principal.tenantId()).isEqualTo("acme");

    request.addHeader(TenantHeader.NAME, "default");
    assertThatThrownBy(principals::current).isInstanceOf(ApiException.class);
  }

  @Test
  void anonymousThen401() {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

    assertThatThrownBy(principals::current)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_ERROR));
  }

  private void authenticateUser(String tenant, String role) {
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "HS256")
            .subject("u1")
            .claim(TokenClaims.TENANT, tenant)
            .claim(TokenClaims.ROLE, role)
            .claim(TokenClaims.USERNAME, "someone")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .build();
    SecurityContextHolder.getContext()
        .setAuthentication(
            new JwtAuthenticationToken(
                jwt, List.of(new SimpleGrantedAuthority(Role.fromWire(role).authority()))));
  }
}
