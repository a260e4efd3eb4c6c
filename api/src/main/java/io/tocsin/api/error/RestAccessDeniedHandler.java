package io.tocsin.api.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 403 in the contract shape when an authenticated caller lacks the role a URL rule requires. */
@Component
public class RestAccessDeniedHandler implements AccessDeniedHandler {

  private final ErrorWriter writer;

  public RestAccessDeniedHandler(ErrorWriter writer) {
    this.writer = writer;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    writer.write(
        request, response, ErrorCode.AUTHORIZATION_ERROR, "Insufficient permissions", Map.of());
  }
}
