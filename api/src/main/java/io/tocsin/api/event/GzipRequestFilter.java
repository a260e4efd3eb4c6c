package io.tocsin.api.event;

import io.tocsin.api.error.ErrorCode;
import io.tocsin.api.error.ErrorWriter;
import io.tocsin.api.web.LimitedInputStream;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Inflates request bodies sent with {@code Content-Encoding: gzip} (the agent compresses its
 * batches; neither Tomcat nor Spring decompress requests). Runs after the body-size limit, which
 * therefore bounds the compressed bytes; this filter bounds the inflated bytes ({@code
 * tocsin.ingest.max-decompressed-size}, 413 beyond) so a small "zip bomb" cannot exhaust memory.
 * Other encodings are refused with 415.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class GzipRequestFilter extends OncePerRequestFilter {

  private final long limit;
  private final ErrorWriter errors;

  GzipRequestFilter(IngestProperties properties, ErrorWriter errors) {
    this.limit = properties.maxDecompressedSize().toBytes();
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
    if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
      chain.doFilter(request, response);
      return;
    }
    String e = encoding.trim().toLowerCase(Locale.ROOT);
    if (!e.equals("gzip") && !e.equals("x-gzip")) {
      errors.write(
          request,
          response,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported Content-Encoding [" + encoding + "]; use gzip or none",
          Map.of());
      return;
    }
    chain.doFilter(new Inflated(request, limit), response);
  }

  private static final class Inflated extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Inflated(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream =
            new LimitedInputStream(new GZIPInputStream(super.getInputStream(), 16 * 1024), limit);
      }
      return stream;
    }

    @Override
    public String getHeader(String name) {
      return isEncodingOrLength(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isEncodingOrLength(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public int getContentLength() {
      return -1;
    }

    @Override
    public long getContentLengthLong() {
      return -1;
    }

    private static boolean isEncodingOrLength(String name) {
      return HttpHeaders.CONTENT_ENCODING.equalsIgnoreCase(name)
          || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name);
    }
  }
}
