package io.tocsin.api.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the error document straight to a servlet response, for failures outside MVC. */
@Component
public class ErrorWriter {

  private final JsonMapper mapper;

  public ErrorWriter(JsonMapper mapper) {
    this.mapper = mapper;
  }

  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      ErrorCode code,
      String message,
      Map<String, Object> details)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(code.status().value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    String requestId = RequestIds.of(request);
    response.setHeader(RequestIds.HEADER, requestId);
    mapper.writeValue(response.getOutputStream(), ErrorBody.of(code, message, details, requestId));
  }
}
