package io.tocsin.api.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 in the contract shape for missing, expired, revoked or otherwise invalid credentials. */
@Component
public class RestAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final ErrorWriter writer;

  public RestAuthenticationEntryPoint(ErrorWriter writer) {
    this.writer = writer;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    boolean credentialsSent =
        request.getHeader("Authorization") != null || request.getHeader("X-API-Key") != null;
    String message = credentialsSent ? "Invalid or expired credentials" : "Authentication required";
    response.setHeader("WWW-Authenticate", "Bearer");
    writer.write(request, response, ErrorCode.AUTHENTICATION_ERROR, message, Map.of());
  }
}
