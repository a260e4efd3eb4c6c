package io.tocsin.api.storage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * On the embedded store, holds back the response of every request that may have written (any method
 * but GET, HEAD and OPTIONS) until {@link EmbeddedStoreCommitter#awaitDurable()} returns: a client
 * that got its answer, 2xx or not, has its writes on disk. The body is buffered so that nothing
 * reaches the client before the commit. Asynchronous requests (cancellable searches) are answered
 * on their async dispatch, so the buffer is flushed at the end of that dispatch instead.
 */
class DurableResponseFilter extends OncePerRequestFilter {

  private static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS");

  private final EmbeddedStoreCommitter committer;

  DurableResponseFilter(EmbeddedStoreCommitter committer) {
    this.committer = committer;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return READ_ONLY.contains(request.getMethod());
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper existing =
        WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
    ContentCachingResponseWrapper buffered =
        existing != null ? existing : new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, existing != null ? response : buffered);
    } finally {
      if (!isAsyncStarted(request)) {
        committer.awaitDurable();
        buffered.copyBodyToResponse();
      }
    }
  }
}
