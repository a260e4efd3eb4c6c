package io.tocsin.api.web;

import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.error.ErrorCode;
import io.tocsin.api.error.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@code TOCSIN_MAX_BODY_SIZE}: a declared {@code Content-Length} over the limit is
 * refused with 413 before anything reads it; a chunked body fails with 413 once it passes the
 * limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final ErrorWriter errors;

  BodySizeLimitFilter(TocsinProperties properties, ErrorWriter errors) {
    this.limit = properties.maxBodySize().toBytes();
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      errors.write(
          request,
          response,
          ErrorCode.PAYLOAD_TOO_LARGE,
          "Request body exceeds the limit of " + limit + " bytes",
          Map.of("max_bytes", limit));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedInputStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }
}
