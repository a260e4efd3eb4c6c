package io.tocsin.api.search;

import io.tocsin.api.query.QueryGuard;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncTask;

/** {@code POST /api/v1/search/events}. */
@RestController
class SearchController {

  private final EventSearchService search;
  private final QueryGuard guard;

  SearchController(EventSearchService search, QueryGuard guard) {
    this.search = search;
    this.guard = guard;
  }

  @PostMapping("/api/v1/search/events")
  @PreAuthorize(Authz.VIEWER)
  WebAsyncTask<Map<String, Object>> search(
      CurrentPrincipal principal, @RequestBody SearchRequest request) {
    return guard.cancellable(() -> search.search(principal.tenantId(), request));
  }
}
