package io.tocsin.api.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tocsin.api.query.QueryGuard;
import io.tocsin.api.security.Authz;
import io.tocsin.api.security.CurrentPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncTask;

/** {@code POST /api/v1/search/events}. */
@RestController
@Tag(name = "Search", description = "Event search in the condition language")
class SearchController {

  private final EventSearchService search;
  private final QueryGuard guard;

  SearchController(EventSearchService search, QueryGuard guard) {
    this.search = search;
    this.guard = guard;
  }

  @PostMapping("/api/v1/search/events")
  @PreAuthorize(Authz.VIEWER)
  @Operation(
      summary = "Search the tenant's events with a condition",
      description =
          "Runs within the tenant's search slots (429 when all are busy) and the query budget.")
  @ApiResponse(responseCode = "200", description = "The first matching events and the total")
  @ApiResponse(
      responseCode = "408",
      description = "QUERY_BUDGET_EXCEEDED: the search ran out of its time budget")
  WebAsyncTask<SearchResults> searchEvents(
      CurrentPrincipal principal, @RequestBody SearchRequest request) {
    return guard.cancellable(() -> search.search(principal.tenantId(), request));
  }
}
