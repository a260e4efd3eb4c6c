package io.tocsin.api.error;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Request ids: {@code req_} plus 24 hex digits, or a sane id the client sent. */
public final class RequestIds {

  public static final String HEADER = "X-Request-ID";
  public static final String ATTRIBUTE = RequestIds.class.getName();
  public static final String MDC_KEY = "request_id";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestIds() {}

  /** The id of this request; assigns one if the filter has not run (e.g. in slice tests). */
  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    if (id instanceof String s) {
      return s;
    }
    String assigned = accept(request.getHeader(HEADER));
    request.setAttribute(ATTRIBUTE, assigned);
    return assigned;
  }

  static String accept(String incoming) {
    return incoming != null && SANE.matcher(incoming).matches() ? incoming : generate();
  }

  static String generate() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "req_" + HexFormat.of().formatHex(bytes);
  }
}
