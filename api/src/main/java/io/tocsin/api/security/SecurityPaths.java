package io.tocsin.api.security;

/**
 * URL groups the filter chain treats specially. Everything else under {@code /api/**} requires a
 * human user (any role); agents (API keys) reach only the {@link #INGEST} and {@link
 * #AGENT_COMMANDS} paths.
 */
public final class SecurityPaths {

  /** Open to anonymous callers. */
  public static final String[] PUBLIC = {
    "/api/v1/auth/login",
    "/api/v1/auth/refresh",
    "/api/v1/auth/register",
    "/api/v1/auth/set-password",
    "/api/v1/health",
    "/api/v1/health/ready",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/info",
    "/error"
  };

  /** POST-only paths an agent's API key may call ({@code /api/events}: the OS-Pulse seed's). */
  public static final String[] INGEST = {
    "/api/v1/events",
    "/api/events",
    "/api/v1/security/events",
    "/api/v1/submit",
    "/api/v1/submit/**"
  };

  /**
   * The agent command protocol (any method): agents poll {@code GET .../commands} and post {@code
   * .../commands/{id}/result}; each method's {@code @PreAuthorize} decides who may do what.
   */
  public static final String[] AGENT_COMMANDS = {
    "/api/v1/agents/*/commands", "/api/v1/agents/*/commands/*/result"
  };

  /**
   * Paths open to any authenticated caller, agents included (any method); each method's
   * {@code @PreAuthorize} decides: the inventory's credential check.
   */
  public static final String[] ANY_CREDENTIAL = {
    "/api/v1/test-connection", "/api/v1/test-connection/"
  };

  /**
   * The stream WebSockets (io.tocsin.api.stream): the upgrade may come without a token, which the
   * socket's first message then carries; the handler authenticates either way.
   */
  public static final String[] STREAM_SOCKETS = {"/ws", "/api/v1/ws"};

  private SecurityPaths() {}
}
