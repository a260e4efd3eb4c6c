package io.tocsin.api.search;

import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/search/events}. */
@RestController
class SearchController {

  private final EventSearchService search;

  SearchController(EventSearchService search) {
    this.search = search;
  }

  @PostMapping("/api/v1/search/events")
  @PreAuthorize(Authz.VIEWER)
  Map<String, Object> search(CurrentPrincipal principal, @RequestBody SearchRequest request) {
    return search.search(principal.tenantId(), request);
  }
}
