package io.tocsin.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class MetricsAccessFilterTest {

  private final MetricsAccess access =
      new MetricsAccess(new SecurityProperties(Duration.ofSeconds(5), null, "scrape-secret"));

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void scrapeTokenOnMetricsPathThenReaderAndNotHandedToTheJwtFilter()
      throws ServletException, IOException {
    MockHttpServletRequest request = request("/actuator/prometheus", "Bearer scrape-secret");

    access.filter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

    assertThat(access.bearerTokenResolver().resolve(request)).isNull();
    assertThat(granted(request)).isTrue();
  }

  @Test
  void wrongTokenOrOtherPathThenNoScraper() throws ServletException, IOException {
    for (MockHttpServletRequest request :
        new MockHttpServletRequest[] {
          request("/actuator/prometheus", "Bearer scrape-secreT"),
          request("/api/v1/users", "Bearer scrape-secret")
        }) {
      SecurityContextHolder.clearContext();
      access.filter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

      assertThat(access.bearerTokenResolver().resolve(request)).isNotNull();
      assertThat(granted(request)).isFalse();
    }
  }

  @Test
  void noTokenConfiguredThenScrapeTokensAreNotAccepted() throws ServletException, IOException {
    MetricsAccess withoutToken =
        new MetricsAccess(new SecurityProperties(Duration.ofSeconds(5), null, " "));
    MockHttpServletRequest request = request("/actuator/prometheus", "Bearer ");

    withoutToken.filter().doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

    assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
  }

  private boolean granted(MockHttpServletRequest request) {
    return access
        .readers()
        .authorize(
            () -> SecurityContextHolder.getContext().getAuthentication(),
            new RequestAuthorizationContext(request))
        .isGranted();
  }

  private static MockHttpServletRequest request(String path, String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.addHeader("Authorization", authorization);
    return request;
  }
}
