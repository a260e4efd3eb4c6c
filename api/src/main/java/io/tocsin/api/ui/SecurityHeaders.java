package io.tocsin.api.ui;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * The headers every response carries for the web UI: a strict Content-Security-Policy (only our own
 * origin's scripts, styles and connections; no inline script or style, no plugins, no framing), no
 * referrer, and a locked-down Permissions-Policy. Spring Security's defaults ({@code nosniff},
 * {@code X-Frame-Options: DENY}, no caching) stay on.
 */
public final class SecurityHeaders {

  /** The policy; {@code img-src data:} only for the inline SVG icons the chart library draws. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  /** For {@code http.headers(SecurityHeaders.customizer())}. */
  public static <
          B extends org.springframework.security.config.annotation.web.HttpSecurityBuilder<B>>
      Customizer<HeadersConfigurer<B>> customizer() {
    return headers ->
        headers
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .addHeaderWriter(
                new DelegatingRequestMatcherHeaderWriter(
                    new NegatedRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(UiPaths.SWAGGER)),
                    new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
            .addHeaderWriter(
                new StaticHeadersWriter(
                    "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"))
            .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
  }
}
