package io.tocsin.api.oauth;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.util.List;

/** Responses of {@code /oauth/clients} besides the {@link OAuthClientView} itself. */
final class OAuthClientViews {

  private OAuthClientViews() {}

  /**
   * Response of {@code POST /oauth/clients}: the client and the only showing of its secret.
   *
   * @param clientSecret the secret of a confidential client; absent for a public client
   * @param client the registered client
   */
  record RegisteredOAuthClient(String clientSecret, @JsonUnwrapped OAuthClientView client) {}

  /**
   * Response of {@code GET /oauth/clients}: every client of the tenant, in one page.
   *
   * @param clients the clients
   * @param page paging fields
   */
  record OAuthClientPage(List<OAuthClientView> clients, @JsonUnwrapped PageInfo page) {

    static OAuthClientPage of(List<OAuthClientView> all) {
      return new OAuthClientPage(
          all, PageInfo.of(new Paging(all.size(), 0), all.size(), all.size()));
    }
  }
}
