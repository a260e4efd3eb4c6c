package io.tocsin.api.apikey;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.time.Instant;
import java.util.List;

/** Responses of {@code /api-keys} besides the listed {@link ApiKeyView}. */
final class ApiKeyViews {

  private ApiKeyViews() {}

  /**
   * Response of {@code POST /api-keys}: the only time the key itself is shown.
   *
   * @param id id
   * @param key the key, for the {@code X-API-Key} header
   * @param name name
   * @param prefix first characters of the key, as listed later
   * @param tenantId tenant
   * @param hostId host the key is bound to; absent for an unbound key
   * @param createdAt creation time
   */
  record CreatedApiKey(
      String id,
      String key,
      String name,
      String prefix,
      String tenantId,
      String hostId,
      Instant createdAt) {}

  /**
   * Response of {@code GET /api-keys}: every key of the tenant, in one page.
   *
   * @param apiKeys the keys
   * @param page paging fields
   */
  record ApiKeyPage(List<ApiKeyView> apiKeys, @JsonUnwrapped PageInfo page) {

    static ApiKeyPage of(List<ApiKeyView> all) {
      return new ApiKeyPage(all, PageInfo.of(new Paging(all.size(), 0), all.size(), all.size()));
    }
  }
}
